// Direct SQL for assertions about what is (and is not) in the database.

import { pool } from "@/lib/db/client";

export async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT (${sql})::int AS n`, params);
  return rows[0]?.n ?? 0;
}

/** Row counts of every table that a request could write to: compare before/after a failed request. */
export async function snapshotCounts(): Promise<Record<string, number>> {
  const tables = [
    "users",
    "sessions",
    "api_tokens",
    "projects",
    "memberships",
    "documents",
    "speakers",
    "annotations",
    "change_events",
    "comments",
  ];
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = await count(`SELECT count(*) FROM ${table}`);
  return result;
}

export async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool().query(sql, params)).rows as T[];
}
