import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Counts the SQL statements Prisma sends, whatever the driver: the batching tests and the
 * benchmark read it to show that an operation's statement count does not grow with its results.
 */
export class StatementCounter {
  count = 0;
}

function counting<T extends SqlQueryable>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw" || prop === "executeScript") {
        return (...args: unknown[]) => {
          counter.count += 1;
          return value.apply(obj, args);
        };
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) => counting((await value.apply(obj, args)) as Transaction, counter);
      }
      return value.bind(obj);
    },
  });
}

export function countStatements<F extends SqlDriverAdapterFactory>(factory: F, counter: StatementCounter): F {
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if ((prop === "connect" || prop === "connectToShadowDb") && typeof value === "function") {
        return async () => counting((await value.apply(obj)) as SqlDriverAdapter, counter);
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}
