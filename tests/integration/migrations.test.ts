// The migration runner: applies prisma/migrations once, records them as Prisma does, is a no-op the
// second time, lets only one of two concurrent starters migrate, and refuses edited migrations.

import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";

const adminUrl = inject("databaseUrl");
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `migrate_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("migration runner", () => {
  it("applies every migration once, records it like prisma migrate deploy, and is a no-op the second time", async () => {
    const url = await freshDatabase();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const first = await withClient(url, (c) => migrate(c));
    expect(first).toEqual(migrations.map((m) => m.name));
    const second = await withClient(url, (c) => migrate(c));
    expect(second).toEqual([]);
    const recorded = await withClient(url, (c) =>
      c.query(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(recorded.rows).toEqual(
      migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, finished: true, applied_steps_count: 1 })),
    );
  });

  it("lets only one of several processes starting at once apply the migrations", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([1, 2, 3, 4].map(() => withClient(url, (c) => migrate(c))));
    const appliedBy = results.filter((applied) => applied.length > 0);
    expect(appliedBy).toHaveLength(1);
    const count = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(count.rows[0].n).toBe((await readMigrations()).length);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = await freshDatabase();
    await withClient(url, (c) => migrate(c));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await fs.cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    const first = (await readMigrations(dir))[0];
    if (!first) throw new Error("no migration");
    await fs.appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(withClient(url, (c) => migrate(c, dir))).rejects.toThrow(/edited after it was applied/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("rolls back a failing migration completely and does not record it", async () => {
    const url = await freshDatabase();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "migrations-"));
    await fs.cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await fs.mkdir(path.join(dir, "29990101000000_broken"));
    await fs.writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n",
    );
    await expect(withClient(url, (c) => migrate(c, dir))).rejects.toThrow(/29990101000000_broken failed/);
    const state = await withClient(url, (c) =>
      c.query(`SELECT to_regclass('half_done') IS NULL AS rolled_back,
                      (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name LIKE '%broken') AS recorded`),
    );
    expect(state.rows[0]).toEqual({ rolled_back: true, recorded: 0 });
    await fs.rm(dir, { recursive: true, force: true });
  });
});
