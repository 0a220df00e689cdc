// Keyset pagination for every list: a page is the rows after the last one the client saw, in a
// fixed total order (ending with a unique id), so a page never repeats or skips a row when others
// are added meanwhile — unlike OFFSET. The cursor is that last row's key, opaque to clients.

import { badRequest } from "../errors/domain-error";

export interface PageRequest {
  /** The nextCursor of the previous page. */
  cursor?: string;
  limit: number;
}

export interface PageOf<T> {
  items: T[];
  /** For the next page; null on the last. */
  nextCursor: string | null;
}

type KeyValue = string | number;

/** One key column: its SQL over the query's aliases and the type to cast the cursor's value to. */
export interface KeyColumn {
  sql: string;
  /** float8 keys travel as strings (the exact shortest form of the double). */
  cast: "text" | "int" | "float8" | "timestamptz";
  /** This column runs the other way from the order's direction (mixed orders). */
  reversed?: boolean;
}

export function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((v) => typeof v === "string" || Number.isInteger(v))) return key;
  } catch {
    // falls through
  }
  throw badRequest("Malformed query parameter: cursor.", { fields: { cursor: "not a cursor this API gave" } });
}

const runsDown = (column: KeyColumn, descending: boolean) => descending !== (column.reversed ?? false);

/** "ORDER BY" terms for the order: each column ascending, or descending (reversed ones the other way). */
export function orderBySql(columns: readonly KeyColumn[], descending = false): string {
  return columns.map((c) => `${c.sql} ${runsDown(c, descending) ? "DESC" : "ASC"}`).join(", ");
}

/**
 * " AND (k1, k2, …) > ($n::cast, …)" for the rows after `cursor` (or "" for the first page), its
 * values pushed onto `params`. `descending` flips the comparison for an order that runs down. An
 * order with reversed columns is spelt out column by column, after a bound on the first column
 * that an index on it can use.
 */
export function afterCursorSql(columns: readonly KeyColumn[], cursor: string | undefined, params: unknown[], descending = false): string {
  if (!cursor) return "";
  const key = decodeCursor(cursor, columns.length);
  const placeholders = columns.map((column, i) => {
    params.push(key[i]);
    return `$${params.length}::${column.cast}`;
  });
  if (columns.every((c) => !c.reversed)) {
    return ` AND (${columns.map((c) => c.sql).join(", ")}) ${descending ? "<" : ">"} (${placeholders.join(", ")})`;
  }
  const after = (i: number): string => {
    const column = columns[i] as KeyColumn;
    const beyond = `${column.sql} ${runsDown(column, descending) ? "<" : ">"} ${placeholders[i]}`;
    return i === columns.length - 1 ? beyond : `(${beyond} OR (${column.sql} = ${placeholders[i]} AND ${after(i + 1)}))`;
  };
  const first = columns[0] as KeyColumn;
  return ` AND ${first.sql} ${runsDown(first, descending) ? "<=" : ">="} ${placeholders[0]} AND ${after(0)}`;
}

/** The page from rows read with LIMIT limit + 1: the extra row only says that there is more. */
export function toPage<R, T>(rows: readonly R[], limit: number, keyOf: (row: R) => readonly KeyValue[], toItem: (row: R) => T): PageOf<T> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return { items: kept.map(toItem), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
