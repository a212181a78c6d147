import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";

const DECIMAL = /^-?\d{1,15}(\.\d{1,2})?$/;

/** Anything Prisma or our code hands over as money: Prisma's Decimal, a string, or an integer of cents-free euros. */
type DecimalLike = { toFixed(digits: number): string } | string | number;

function toDecimalString(value: DecimalLike): string {
  if (typeof value === "string") {
    if (!DECIMAL.test(value)) throw new GraphQLError(`Decimal cannot represent ${JSON.stringify(value)}`);
    const [units, cents = ""] = value.split(".");
    return `${units}.${cents.padEnd(2, "0")}`;
  }
  if (typeof value === "number" && !Number.isInteger(value)) {
    throw new GraphQLError("Decimal refuses binary floats: pass money as a string or a Prisma Decimal");
  }
  return typeof value === "number" ? value.toFixed(2) : value.toFixed(2);
}

function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new GraphQLError(`Decimal must be a string such as "1250.50" with at most two decimals (got ${JSON.stringify(value)})`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
}

export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description: 'Money in euros as an exact decimal string with two decimals, e.g. "3800000.00".',
  serialize: (value) => toDecimalString(value as DecimalLike),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
  Decimal: DecimalScalar,
  JSON: JSONResolver,
};
