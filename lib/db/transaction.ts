// A transaction on one pooled connection for the plain-SQL paths: COMMIT on success, ROLLBACK on
// any error, connection always released.

import type pg from "pg";
import { pool } from "./client";

export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL error code of a failed query, if any (e.g. "23505" unique violation). */
export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === "string" && /^[0-9A-Z]{5}$/.test(direct)) return direct;
  // Prisma wraps driver errors; the original code is kept in meta or cause.
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } }).meta;
  const original = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  const cause = (error as { cause?: unknown }).cause;
  return cause && cause !== error ? pgErrorCode(cause) : undefined;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Is this the database being down or restarting (rather than a bad query)? */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = pgErrorCode(error) ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|connection error|terminating connection|timeout exceeded when trying to connect|ECONNREFUSED/i.test(
    message,
  );
}
