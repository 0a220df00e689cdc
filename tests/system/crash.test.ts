// Durability: the server killed with SIGKILL in the middle of a stream of writes comes back on the
// same DATA_DIR with every acknowledged annotation — whether PostgreSQL survived the crash (and is
// reused) or was killed too (and recovers from its write-ahead log).

import fs from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { admin, apiJson, postgresPid, startServer, tempDataDir, waitForExit } from "../helpers/server";

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function crashDuringWrites(killPostgresToo: boolean) {
  const dataDir = await tempDataDir();
  cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  await admin(dataDir, ["create-user", "--email", "writer@example.org", "--password", "writer password"]);
  const { token } = JSON.parse((await admin(dataDir, ["create-token", "--email", "writer@example.org"])).stdout);

  let server = await startServer(dataDir);
  cleanup.push(() => server.stop("SIGTERM"));
  const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Crash" } });
  const text = "The spokesman said many things. ".repeat(40);
  const document = await apiJson(`${server.url}/api/v1/projects/${project.body.id}/documents`, {
    method: "POST",
    token,
    json: { title: "Crash test", text },
  });
  const documentId = document.body.id as string;

  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const start = (worker * 37 + i) % (text.length - 10);
      try {
        const response = await fetch(`${server.url}/api/v1/documents/${documentId}/annotations`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ label: i % 2 ? "claim" : "quote", start, end: start + 10 }),
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, i) => writer(i));
  while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));

  const pg = await postgresPid(dataDir);
  expect(pg).not.toBeNull();
  server.process.kill("SIGKILL");
  if (killPostgresToo) process.kill(-(pg as number), "SIGKILL"); // the whole PostgreSQL process group
  stop = true;
  await Promise.all(writers);
  if (killPostgresToo) expect(await waitForExit(pg as number)).toBe(true);
  else expect(await postgresPid(dataDir)).toBe(pg); // survived: the restart must reuse it

  server = await startServer(dataDir);
  cleanup.push(() => server.stop("SIGTERM"));
  const list = await apiJson(`${server.url}/api/v1/documents/${documentId}/annotations`, { token });
  const stored = new Set((list.body.annotations as { id: string }[]).map((a) => a.id));
  const missing = acknowledged.filter((id) => !stored.has(id));
  expect(missing).toEqual([]);
  expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
  if (!killPostgresToo) expect(await postgresPid(dataDir)).toBe(pg);
  expect(await server.stop("SIGTERM")).toBe(0);
  return acknowledged.length;
}

describe("crash safety", () => {
  it("keeps every acknowledged annotation when the server is killed and PostgreSQL survives", async () => {
    expect(await crashDuringWrites(false)).toBeGreaterThanOrEqual(300);
  });

  it("keeps every acknowledged annotation when the server and PostgreSQL are both killed", async () => {
    expect(await crashDuringWrites(true)).toBeGreaterThanOrEqual(300);
  });
});
