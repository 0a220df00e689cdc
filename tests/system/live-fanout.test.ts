// Two real app processes (`npm start`'s server) on one PostgreSQL: a change written through either
// reaches live streams held by the other, and a client that reconnects after its server restarts
// catches up with every change it missed, none twice.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { startServer, tempDataDir, type RunningServer } from "../helpers/server";
import { EventReader } from "../helpers/sse";
import { CodePointIndex } from "@/lib/text/code-points";
import { snapSpan } from "@/lib/text/quote-selector";

const TEXT = "The spokesman said “we will act” and the ministry agreed.";
let a: RunningServer;
let b: RunningServer;
let owner: TestUser;
let colleague: TestUser;
let documentId: string;
const readers: EventReader[] = [];

async function startOnSharedDatabase(): Promise<RunningServer> {
  return startServer(await tempDataDir(), { DATABASE_URL: inject("databaseUrl") });
}

async function stream(server: RunningServer, lastEventId?: string, user = owner): Promise<EventReader> {
  const response = await fetch(`${server.url}/api/v1/documents/${documentId}/events`, {
    headers: { authorization: `Bearer ${user.token}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
  });
  expect(response.status).toBe(200);
  const reader = new EventReader(response.body as ReadableStream<Uint8Array>);
  readers.push(reader);
  return reader;
}

async function annotate(server: RunningServer, start: number): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/documents/${documentId}/annotations`, {
    method: "POST",
    headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
    // About three characters from `start`, trimmed as the workspace trims a selection.
    body: JSON.stringify({ label: "claim", ...snapSpan(new CodePointIndex(TEXT), start, start + 3) }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  [a, b] = await Promise.all([startOnSharedDatabase(), startOnSharedDatabase()]);
  owner = await newUser("owner");
  colleague = await newUser("colleague");
  const created = await newProjectWithDocument(owner, TEXT);
  documentId = created.documentId;
  await addMember(owner, created.projectId, colleague, "annotator");
}, 120_000);

afterAll(async () => {
  for (const reader of readers) await reader.cancel();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("two app processes on one database", () => {
  it("deliver each other's changes to their streams", async () => {
    const onA = await stream(a);
    const onB = await stream(b, undefined, colleague);
    const fromA = await annotate(a, 0);
    const fromB = await annotate(b, 5);
    for (const reader of [onA, onB]) {
      expect((await reader.take(2)).map((e) => e.data.id)).toEqual([fromA, fromB]);
    }
    // Each sees both viewers, whichever process holds their stream (presence is shared through the database).
    const both = [colleague.id, owner.id].sort();
    for (const reader of [onA, onB]) {
      const viewers = async () => {
        await reader.next(50).catch(() => undefined); // reads whatever arrived, presence included
        return reader.presence?.viewers.map((v) => v.userId).sort();
      };
      await expect.poll(viewers, { timeout: 5000 }).toEqual(both);
    }
  });

  it("a token revoked through one process is refused by the other at once, though it had cached it", async () => {
    const created = await fetch(`${a.url}/api/v1/me/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body: JSON.stringify({ label: "short-lived" }),
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    const me = () => fetch(`${b.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200); // now cached by B for up to 10 s
    const revoked = await fetch(`${a.url}/api/v1/me/tokens/${id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(revoked.status).toBe(204);
    await expect.poll(async () => (await me()).status, { timeout: 2000, interval: 50 }).toBe(401);
  });

  it("a client whose server restarts catches up on reconnect, with nothing missed or repeated", async () => {
    const onB = await stream(b);
    const before = await annotate(a, 10);
    const seen = await onB.next();
    expect(seen.data.id).toBe(before);
    expect(await b.stop("SIGTERM")).toBe(0);
    await onB.waitForEnd(5000);
    const missed = [await annotate(a, 15), await annotate(a, 20), await annotate(a, 25)];
    b = await startOnSharedDatabase();
    const resumed = await stream(b, seen.id);
    expect((await resumed.take(3)).map((e) => e.data.id)).toEqual(missed);
    const live = await annotate(a, 30);
    expect((await resumed.next()).data.id).toBe(live);
    await resumed.expectQuiet(300);
  });
});
