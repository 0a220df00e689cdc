// The real server process on its embedded PostgreSQL: first start with the demo, the admin command
// with and without a running server, graceful shutdown, and limits over real HTTP.

import { afterAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { admin, apiJson, postgresPid, startServer, tempDataDir, waitForExit, type RunningServer } from "../helpers/server";

const SEED_TITLE = (await fs.readFile("prisma/seed/seed-article.txt", "utf8")).split("\n")[0];
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function withServer(dataDir: string): Promise<RunningServer> {
  const server = await startServer(dataDir);
  cleanup.push(() => server.stop("SIGTERM"));
  return server;
}

describe("a fresh install", () => {
  it("serves from an empty DATA_DIR, gives the first account the demo article, and the admin command works while it runs", async () => {
    const dataDir = await tempDataDir();
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const server = await withServer(dataDir);

    const home = await fetch(`${server.url}/`);
    expect(await home.text()).toContain("Sign in");

    const created = await admin(dataDir, [
      "create-user",
      "--email",
      "First@Example.org",
      "--password",
      "first password",
      "--name",
      "First",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const user = JSON.parse(created.stdout.trim());
    expect(user).toEqual({ id: expect.any(String), email: "first@example.org" });
    const tokenRun = await admin(dataDir, ["create-token", "--email", "first@example.org", "--label", "script"]);
    expect(tokenRun.code, tokenRun.stderr).toBe(0);
    const { token } = JSON.parse(tokenRun.stdout.trim());
    expect(token).toMatch(/^smk_/);

    const projects = await apiJson(`${server.url}/api/v1/projects`, { token });
    expect(projects.status).toBe(200);
    expect(projects.body.projects).toHaveLength(1);
    const documents = await apiJson(`${server.url}/api/v1/projects/${projects.body.projects[0].id}/documents`, { token });
    expect(documents.body.documents.map((d: { title: string }) => d.title)).toEqual([SEED_TITLE]);

    // The second account gets no demo.
    const second = await admin(dataDir, ["create-user", "--email", "second@example.org", "--password", "second password"]);
    expect(second.code).toBe(0);
    const duplicate = await admin(dataDir, ["create-user", "--email", "second@example.org", "--password", "second password"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const usage = await admin(dataDir, ["create-token"]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/--email is required/);

    // The server still runs on its database after the admin commands exited.
    expect((await apiJson(`${server.url}/api/v1/me`, { token })).status).toBe(200);

    // Limits over real HTTP: 413 for an oversized body, JSON 404 for unknown API paths.
    const big = await fetch(`${server.url}/api/v1/projects`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("payload_too_large");
    const unknown = await apiJson(`${server.url}/api/v1/nothing/here`, { token });
    expect(unknown).toEqual({ status: 404, body: { error: { code: "not_found", message: "API route not found." } } });

    // SIGTERM stops the server and the PostgreSQL it started.
    const pg = await postgresPid(dataDir);
    expect(pg).not.toBeNull();
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(await waitForExit(pg as number)).toBe(true);
  });

  it("runs the admin command with no server running, leaving nothing running", async () => {
    const dataDir = await tempDataDir();
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const created = await admin(dataDir, ["create-user", "--email", "offline@example.org", "--password", "offline password"]);
    expect(created.code, created.stderr).toBe(0);
    expect(await postgresPid(dataDir)).toBeNull();
    // The account is there when the server starts later, with the demo project.
    const server = await withServer(dataDir);
    const token = JSON.parse((await admin(dataDir, ["create-token", "--email", "offline@example.org"])).stdout).token;
    const projects = await apiJson(`${server.url}/api/v1/projects`, { token });
    expect(projects.body.projects.map((p: { name: string }) => p.name)).toEqual(["Demo project"]);
    await server.stop("SIGINT");
  });

  it("with DATABASE_URL uses that server, migrates it, starts no database and offers no demo", async () => {
    // Any PostgreSQL will do as the "external" server; an embedded one in its own directory is at hand.
    const externalDir = await tempDataDir();
    cleanup.push(() => fs.rm(externalDir, { recursive: true, force: true }));
    const external = await startEmbeddedPostgres(externalDir);
    cleanup.push(() => external.stop());
    const setup = new pg.Client({ connectionString: external.url });
    await setup.connect();
    await setup.query("CREATE DATABASE team_db");
    await setup.end();
    const url = external.url.replace(/\/[^/]*$/, "/team_db");

    const appDir = await tempDataDir();
    cleanup.push(() => fs.rm(appDir, { recursive: true, force: true }));
    const server = await startServer(appDir, { DATABASE_URL: url });
    expect(existsSync(path.join(appDir, "postgres"))).toBe(false);
    expect(server.output()).toContain("database: DATABASE_URL");

    const signUp = await fetch(`${server.url}/api/v1/auth/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "team@example.org", password: "team password" }),
    });
    expect(signUp.status).toBe(201);
    const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const projects = await fetch(`${server.url}/api/v1/projects`, { headers: { cookie } });
    expect((await projects.json()).projects).toEqual([]);
    expect(await server.stop("SIGTERM")).toBe(0);

    // The external server was not stopped, and holds the migrated schema and the account.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query(
      "SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM _prisma_migrations) AS migrations",
    );
    await check.end();
    expect(rows[0]).toEqual({ users: 1, migrations: expect.any(Number) });
    expect(rows[0].migrations).toBeGreaterThan(0);
  });
});
