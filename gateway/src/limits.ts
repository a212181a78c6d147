import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { MAX_PAGE_SIZE } from "@ctg/kit";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isLeafType,
  isListType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";

/**
 * Limits on one operation, so that no single request can make the hub do unbounded work: depth
 * and aliases are validation rules (checked once per distinct document, then cached by Apollo),
 * the cost estimate needs the variables and runs per request, tokens are a parser option.
 */

type Fragments = Record<string, FragmentDefinitionNode | undefined>;

function limitError(message: string, limit: string, max: number, actual: number, node?: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: node ? [node] : undefined,
    // `http` sets the status of a refusal raised outside validation; Apollo leaves it out of the answer.
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, max, actual, http: { status: 400 } },
  });
}

const isIntrospection = (field: FieldNode) => field.name.value === "__schema" || field.name.value === "__type";

/** Depth of a selection set, fragments expanded; introspection is left to its own switch. */
function depthOf(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are refused by graphql's own rules
      seen.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return deepest;
}

/** Aliases of a selection set, each fragment counted every time it is spread. */
function aliasesOf(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  if (!set) return 0;
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      count += (selection.alias ? 1 : 0) + aliasesOf(selection.selectionSet, fragments, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += aliasesOf(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      count += aliasesOf(fragment.selectionSet, fragments, seen);
      seen.delete(name);
    }
  }
  return count;
}

function fragmentsOf(document: DocumentNode): Fragments {
  const out: Fragments = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) out[definition.name.value] = definition;
  }
  return out;
}

const operationLabel = (node: OperationDefinitionNode) => (node.name ? `Operation ${node.name.value}` : "The operation");

export function depthLimit(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragmentsOf(context.getDocument()), new Set());
      if (depth > max) {
        context.reportError(limitError(`${operationLabel(node)} is ${depth} levels deep; the gateway accepts at most ${max} (CTG_MAX_DEPTH).`, "depth", max, depth, node));
      }
    },
  });
}

export function aliasLimit(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const aliases = aliasesOf(node.selectionSet, fragmentsOf(context.getDocument()), new Set());
      if (aliases > max) {
        context.reportError(
          limitError(`${operationLabel(node)} uses ${aliases} aliases; the gateway accepts at most ${max} (CTG_MAX_ALIASES).`, "aliases", max, aliases, node),
        );
      }
    },
  });
}

/**
 * How many items a list field is assumed to return when no `first` says so: sizes seen in the
 * territory (100 communes, 82 engaged, tens of services per commune), rounded up.
 */
export const LIST_SIZE_ESTIMATES: Record<string, number> = {
  "Epci.communes": 100,
  "Query.epcis": 1,
  "Query.conventions": 5,
  "Convention.engagedCommunes": 100,
  "Convention.engagedPartners": 100,
  "Convention.signatories": 10,
  "Commune.services": 20,
  "Partner.operatedServices": 20,
  "Service.serviceArea": 10,
};
export const DEFAULT_LIST_SIZE = 10;

interface CostWalk {
  schema: GraphQLSchema;
  fragments: Fragments;
  variables: Record<string, unknown>;
}

/** The value of a field's `first` argument (a literal, a variable, or the schema's default), at most MAX_PAGE_SIZE. */
function pageSizeOf(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: CostWalk): number | undefined {
  const argument = definition.args.find((a) => a.name === "first");
  if (!argument) return undefined;
  const given = field.arguments?.find((a) => a.name.value === "first");
  const value = given ? valueFromAST(given.value, argument.type, walk.variables) : argument.defaultValue;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return Math.min(Math.max(0, Math.floor(value)), MAX_PAGE_SIZE);
}

/**
 * Each object field costs 1, times the items of every list around it; scalars come with their
 * object for free. A list's size is its `first` argument (a connection's `first` sizes its `nodes`
 * and `edges`), else LIST_SIZE_ESTIMATES, else DEFAULT_LIST_SIZE.
 */
function costOf(set: SelectionSetNode | undefined, parent: GraphQLNamedType, pageSize: number | undefined, walk: CostWalk, seen: Set<string>): number {
  if (!set || !isCompositeType(parent)) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__") || !("getFields" in parent)) continue;
      const definition = parent.getFields()[selection.name.value];
      if (!definition) continue;
      const type = getNamedType(definition.type);
      if (isLeafType(type)) continue;
      const first = pageSizeOf(selection, definition, walk);
      const list = isListType(getNullableType(definition.type));
      const items = list ? (first ?? pageSize ?? LIST_SIZE_ESTIMATES[`${parent.name}.${definition.name}`] ?? DEFAULT_LIST_SIZE) : 1;
      total += items * (1 + costOf(selection.selectionSet, type, list ? undefined : first, walk, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) total += costOf(selection.selectionSet, type, pageSize, walk, seen);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !type || seen.has(name)) continue;
      seen.add(name);
      total += costOf(fragment.selectionSet, type, pageSize, walk, seen);
      seen.delete(name);
    }
  }
  return total;
}

export function estimateCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Fragments, variables: Record<string, unknown> = {}): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  return costOf(operation.selectionSet, root, undefined, { schema, fragments, variables }, new Set());
}

/** Refuses, before execution, an operation whose estimated cost is over `max`. */
export function costLimitPlugin<Ctx extends BaseContext>(max: number): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const cost = estimateCost(schema, operation, fragmentsOf(document), request.variables ?? {});
          if (cost > max) {
            throw limitError(
              `${operationLabel(operation)} has an estimated cost of ${cost}; the gateway accepts at most ${max} (CTG_MAX_COST). ` +
                "Each object costs 1, times the items of the lists around it: ask for fewer items with `first`, or fewer nested lists.",
              "cost",
              max,
              cost,
            );
          }
        },
      };
    },
  };
}

/** Tokens in a document (lexing stops at the first error). Only used to word an error. */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // a lexing error: count what came before
  }
  return count;
}
