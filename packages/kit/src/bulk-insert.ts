/**
 * Inserts many rows in one statement per chunk: one array parameter per column, spread by
 * `unnest`. Prisma's createMany sends one parameter per value, which PGlite parses slowly: a
 * thousand services with their service areas took seconds, and take tens of milliseconds this way.
 * Runs inside the caller's Prisma transaction; table and column names are ours, never input.
 */
export interface Column<Row> {
  name: string;
  /** The PostgreSQL type of the values sent (`text`, `float8`, `int4`, `date`, `timestamp(3)`). */
  type?: string;
  /** A cast applied in SQL, for enums sent as text (`"ServiceType"`). */
  cast?: string;
  value?: (row: Row) => unknown;
  /** A constant SQL expression instead of a value per row. */
  sql?: string;
}

export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const CHUNK = 5_000;

export async function insertRows<Row>(tx: RawExecutor, table: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<number> {
  const valued = columns.filter((c) => !c.sql);
  const selected = columns.map((c) => {
    if (c.sql) return c.sql;
    const alias = `u."c${valued.indexOf(c)}"`;
    return c.cast ? `${alias}::${c.cast}` : alias;
  });
  const query = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})
    SELECT ${selected.join(", ")}
    FROM unnest(${valued.map((c, i) => `$${i + 1}::${c.type ?? "text"}[]`).join(", ")}) AS u(${valued.map((_, i) => `"c${i}"`).join(", ")})`;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    inserted += await tx.$executeRawUnsafe(query, ...valued.map((c) => chunk.map((row) => c.value!(row) ?? null)));
  }
  return inserted;
}

/** A timestamp(3) value as Prisma stores it: the UTC wall-clock time. */
export const timestampText = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
export const dateText = (date: Date) => date.toISOString().slice(0, 10);

/** A column whose value is the row's property of the same name. */
export const textColumn = <Row>(name: keyof Row & string): Column<Row> => ({ name, value: (row) => row[name] });

/** `items` in slices of `size`: for statements with a bounded number of ids. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A bulk write's transaction may wait and last long: an import of 50 000 services takes minutes on PGlite. */
export const BULK_TRANSACTION = { maxWait: 30_000, timeout: 30 * 60_000 };
