// The process-wide database handles: one pg pool, shared by Prisma (through @prisma/adapter-pg) and
// by the few hot paths that stream or bulk-write with plain SQL, and a small one whose connections
// keep one plan per named statement, for the annotation insert (preparedPool). Created on first use
// from DATABASE_URL, which the launcher (scripts/serve.ts) sets before the app handles a request.

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

/** application_name of the server's connections; the admin command looks for it (see admin.ts). */
export const SERVER_APPLICATION_NAME = "sourcemark-server";

interface Handles {
  pool: pg.Pool;
  prisma: PrismaClient;
  /** Made at its first use: most processes (tests, the admin command) never need it. */
  prepared?: pg.Pool;
}

const holder = globalThis as unknown as { __sourcemarkDb?: Handles };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which starts or finds the database.");
  }
  return url;
}

function newPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    // While the database is down or restarting, fail fast (503) rather than queue requests forever.
    connectionTimeoutMillis: 5000,
    application_name: process.env.DB_APPLICATION_NAME ?? SERVER_APPLICATION_NAME,
    ...config,
  });
  pool.on("error", (error) => console.error("[sourcemark] idle database connection failed:", error.message));
  // The pool listens for errors only on idle clients. A client checked out (a transaction, an
  // export between two reads) whose connection dies — PostgreSQL restarted — would emit an error
  // nobody hears: an uncaught exception. Its query, or its next one, fails with the error anyway.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

function connect(): Handles {
  const pool = newPool({ max: Number(process.env.DB_POOL_SIZE ?? 16) });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function handles(): Handles {
  holder.__sourcemarkDb ??= connect();
  return holder.__sourcemarkDb;
}

/** The Prisma client. */
export function db(): PrismaClient {
  return handles().prisma;
}

/** The pg pool, for streaming reads and bulk writes. */
export function pool(): pg.Pool {
  return handles().pool;
}

/**
 * Connections whose named (prepared) statements run one plan, made once per connection
 * (plan_cache_mode=force_generic_plan), for the hot write that is one: the annotation insert of
 * POST …/annotations. PostgreSQL otherwise plans a named statement again at every run while it
 * guesses the values' plan cheaper than the general one, and it always did for that insert, whose
 * planning then cost about as much as its execution: the API wrote 391–456 annotations a second
 * that way, 569–581 with this setting (bench/annotation-throughput.ts). Only here: on the main pool the setting
 * would also give every other statement (unnamed, planned at each run) a plan blind to its values,
 * and a search for a word took a p95 of 1.2 s instead of 54 ms.
 */
export function preparedPool(): pg.Pool {
  const current = handles();
  current.prepared ??= newPool({
    max: Number(process.env.DB_PREPARED_POOL_SIZE ?? 8),
    options: "-c plan_cache_mode=force_generic_plan",
  });
  return current.prepared;
}

/** Closes the handles (tests, shutdown). The next call to db()/pool() reconnects. */
export async function closeDb(): Promise<void> {
  const current = holder.__sourcemarkDb;
  holder.__sourcemarkDb = undefined;
  if (current) {
    await current.prisma.$disconnect().catch(() => undefined);
    await current.pool.end().catch(() => undefined);
    await current.prepared?.end().catch(() => undefined);
  }
}

/** Anything plain-SQL domain code can run a query on: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.ClientBase, "query">;

export type { PrismaClient };
export { Prisma } from "./generated/client";
