// Exports through the real server, where they run in a worker thread: the file streams whole and
// right, and a client that goes away mid-download releases the export's database connection.

import fs from "node:fs/promises";
import pg from "pg";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { admin, apiJson, startServer, tempDataDir } from "../helpers/server";

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

describe("exports from the running server", () => {
  it("streams every format from a worker thread, and an abandoned download frees its connection", async () => {
    const dataDir = await tempDataDir();
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    await admin(dataDir, ["create-user", "--email", "exporter@example.org", "--password", "exporter password"]);
    const server = await startServer(dataDir);
    cleanup.push(() => server.stop("SIGTERM"));
    const { token } = JSON.parse((await admin(dataDir, ["create-token", "--email", "exporter@example.org"])).stdout);
    const project = (await apiJson(`${server.url}/api/v1/projects`, { token })).body.projects[0];
    const document = (await apiJson(`${server.url}/api/v1/projects/${project.id}/documents`, { token })).body.documents[0];

    // Fill the demo article with annotations through the database, then export them.
    const secrets = JSON.parse(await fs.readFile(path.join(dataDir, "secrets.json"), "utf8"));
    const db = new pg.Client({
      connectionString: `postgresql://${secrets.user}:${encodeURIComponent(secrets.password)}@127.0.0.1:${secrets.port}/${secrets.database}`,
    });
    await db.connect();
    cleanup.push(() => db.end());
    await db.query(
      `INSERT INTO annotations (project_id, document_id, label, start, "end", exact, prefix, suffix, author_id)
       SELECT d.project_id, d.id, 'claim', g % 2000, g % 2000 + 10, substr(d.text, g % 2000 + 1, 10), '', '', m.user_id
         FROM documents d JOIN memberships m ON m.project_id = d.project_id, generate_series(1, 30000) g
        WHERE d.id = $1`,
      [document.id],
    );
    const text = (await apiJson(`${server.url}/api/v1/documents/${document.id}`, { token })).body.text as string;
    const points = Array.from(text);

    const response = await fetch(`${server.url}/api/v1/projects/${project.id}/export?format=jsonl`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(30000);
    for (const line of lines.slice(0, 500)) expect(line.text).toBe(points.slice(line.start, line.end).join(""));

    // "Export these results": the worker selects on its own connection (the phrase's word pairs,
    // the speakers a name means) the same annotations as the search.
    for (const q of ['"Abe Shinzo"', "Minier"]) {
      const found = await apiJson(`${server.url}/api/v1/projects/${project.id}/search?${new URLSearchParams({ q, facets: "true" })}`, {
        token,
      });
      expect(found.status, q).toBe(200);
      expect(found.body.total, q).toBeGreaterThan(0);
      const filtered = await fetch(`${server.url}/api/v1/projects/${project.id}/export?${new URLSearchParams({ q, format: "jsonl" })}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(filtered.status, q).toBe(200);
      const ids = new Set(
        (await filtered.text())
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l).id as string),
      );
      expect(ids.size, q).toBe(found.body.total);
      for (const item of found.body.items as { id: string }[]) expect(ids.has(item.id), q).toBe(true);
    }

    for (const format of ["json", "csv", "w3c", "brat", "spacy"]) {
      const r = await fetch(`${server.url}/api/v1/projects/${project.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status, format).toBe(200);
      const bytes = Buffer.from(await r.arrayBuffer());
      expect(bytes.length, format).toBeGreaterThan(format === "brat" ? 10_000 : 100_000);
      if (format === "brat") expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      if (format === "json" || format === "w3c") expect(() => JSON.parse(bytes.toString("utf8")), format).not.toThrow();
    }

    // Walk away after the first piece: the export's connection must be closed soon after.
    const controller = new AbortController();
    const partial = await fetch(`${server.url}/api/v1/projects/${project.id}/export?format=json`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const reader = (partial.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    const exportConnections = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sourcemark-export'"))
        .rows[0]!.n;
    const deadline = Date.now() + 10_000;
    while ((await exportConnections()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await exportConnections()).toBe(0);
    expect((await apiJson(`${server.url}/api/v1/me`, { token })).status).toBe(200);
  });
});
