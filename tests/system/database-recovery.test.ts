// The embedded PostgreSQL killed under load: meanwhile the API answers 503 with a clear message
// (never 500) and /api/health says so; the server restarts PostgreSQL by itself and recovers, and
// every write it acknowledged is there afterwards.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, apiJson, postgresPid, startServer, tempDataDir, waitForExit, type RunningServer } from "../helpers/server";

let server: RunningServer;
let dataDir: string;
let token: string;
let documentId: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  await admin(dataDir, ["create-user", "--email", "ops@example.org", "--password", "an ops password"]);
  server = await startServer(dataDir);
  token = (JSON.parse((await admin(dataDir, ["create-token", "--email", "ops@example.org"])).stdout) as { token: string }).token;
  const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Recovery" } });
  const document = await apiJson(`${server.url}/api/v1/projects/${project.body.id}/documents`, {
    method: "POST",
    token,
    json: { title: "T", text: "word ".repeat(500) },
  });
  documentId = document.body.id;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("a killed PostgreSQL", () => {
  it("is answered with 503, restarted, and no acknowledged write is lost", async () => {
    expect((await apiJson(`${server.url}/api/health`)).body).toMatchObject({ app: "ok", database: "ok" });
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let errorBodyOk = true;
    let sawUnavailableHealth = false;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await apiJson(`${server.url}/api/v1/documents/${documentId}/annotations`, {
            method: "POST",
            token,
            json: { label: "claim", start: i % 400, end: (i % 400) + 3 },
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) acknowledged.push(response.body.id);
          else if (response.status === 503) errorBodyOk &&= response.body?.error?.code === "service_unavailable";
        } catch {
          // connection refused while the server is busy: the client simply retries
        }
        const health = await apiJson(`${server.url}/api/health`).catch(() => null);
        if (health?.status === 503) sawUnavailableHealth = true;
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const pid = (await postgresPid(dataDir)) as number;
    process.kill(pid, "SIGKILL");
    expect(await waitForExit(pid)).toBe(true);
    // Recovers by itself.
    await expect
      .poll(async () => (await apiJson(`${server.url}/api/health`).catch(() => ({ status: 0, body: null }))).status, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await writer;
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(errorBodyOk).toBe(true);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(5);
    expect(sawUnavailableHealth || (statuses.get(503) ?? 0) > 0).toBe(true);
    const list = await apiJson(`${server.url}/api/v1/documents/${documentId}/annotations`, { token });
    const present = new Set((list.body.annotations as { id: string }[]).map((a) => a.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(await postgresPid(dataDir)).not.toBe(pid);
  });
});
