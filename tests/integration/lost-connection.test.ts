// A connection that dies while checked out of the pool (PostgreSQL restarted mid-transaction or
// between two reads of an export) fails its query; it must not also become an uncaught exception,
// which Vitest reports as an error of the run (and which the server logged during the soak).

import { expect, it } from "vitest";
import { pool } from "@/lib/db/client";

it("a checked-out connection that dies fails its next query, and nothing else", async () => {
  const client = await pool().connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const uncaught: unknown[] = [];
  const listener = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", listener);
  try {
    await pool().query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    // The termination reaches the idle, checked-out client as a socket error.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.query("SELECT 1")).rejects.toThrow();
  } finally {
    process.off("uncaughtException", listener);
    client.release(true);
  }
  expect(uncaught).toEqual([]);
  // The pool goes on with fresh connections.
  expect((await pool().query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
});
