// The app's view of its database, for /api/health: reachable (and how fast) or not.

import { z } from "zod";
import { pool } from "./client";

export const healthSchema = z.object({
  app: z.literal("ok"),
  database: z.enum(["ok", "unavailable"]),
  /** Round trip of a trivial query, when the database answered. */
  databaseMs: z.number().nullable(),
});
export type Health = z.infer<typeof healthSchema>;

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
