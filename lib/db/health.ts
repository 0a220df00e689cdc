// The app's view of its database, for /api/health: reachable (and how fast) or not.

import { pool } from "./client";

export interface Health {
  app: "ok";
  database: "ok" | "unavailable";
  /** Round trip of a trivial query, when the database answered. */
  databaseMs: number | null;
}

export async function databaseHealth(timeoutMs = 2000): Promise<Health> {
  const started = performance.now();
  try {
    await Promise.race([
      pool().query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return { app: "ok", database: "ok", databaseMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { app: "ok", database: "unavailable", databaseMs: null };
  }
}
