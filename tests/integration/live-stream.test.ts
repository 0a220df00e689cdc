// Live change streams: every event kind with its documented data, document vs project scope,
// presence, replay after Last-Event-ID with no loss and no duplicate (also across a transaction
// that commits late), access (401, 404, a removed member's stream ends) and the per-user limit.

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { addMember, call, dispatchRaw, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { rows } from "../helpers/db";
import { projectStreamStart } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import { EventReader } from "../helpers/sse";

const TEXT = "🚢 The minister said “we will act” on Monday, and the spokesman agreed.";
const open: EventReader[] = [];

afterEach(async () => {
  for (const reader of open.splice(0)) await reader.cancel();
});

async function stream(path: string, user: TestUser, headers: Record<string, string> = {}): Promise<EventReader> {
  const response = await dispatchRaw("GET", path, { token: user.token, headers });
  expect(response.status, response.status === 200 ? "" : await response.clone().text()).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = new EventReader(response.body as ReadableStream<Uint8Array>);
  open.push(reader);
  return reader;
}

function cp(text: string, exact: string) {
  const start = Array.from(text.slice(0, text.indexOf(exact))).length;
  return { start, end: start + Array.from(exact).length, exact };
}

describe("the project stream", () => {
  it("delivers every kind of change with the documented data and the actor", async () => {
    const owner = await newUser("owner");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    const events = await stream(`/api/v1/projects/${projectId}/events`, owner);
    const actor = { id: owner.id, name: "owner" };

    const doc = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Second", text: "Hello." },
    });
    // A stream opened without a position starts before the oldest transaction still open (so that
    // none of its changes can be missed): with other tests writing meanwhile, that may replay this
    // project's first document.created, which happened before the stream. Skip it.
    let created = await events.next();
    if (created.event === "document.created" && (created.data as { id: string }).id === documentId) created = await events.next();
    expect(created).toMatchObject({ event: "document.created", data: { id: doc.body.id, title: "Second", annotationCount: 0, actor } });
    expect(created.id).toMatch(/^\d+$/);

    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "The minister" } });
    expect(await events.next()).toEqual({ id: expect.any(String), event: "speaker.created", data: { ...speaker.body, actor } });
    const renamed = await call("PATCH", `/api/v1/speakers/${speaker.body.id}`, { token: owner.token, body: { aliases: ["Minister"] } });
    expect(await events.next()).toMatchObject({ event: "speaker.updated", data: { ...renamed.body, actor } });

    const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "quote", ...cp(TEXT, "“we will act”"), speakerId: speaker.body.id },
    });
    const get = async () => (await call("GET", `/api/v1/annotations/${annotation.body.id}`, { token: owner.token })).body;
    expect(await events.next()).toEqual({ id: expect.any(String), event: "annotation.created", data: { ...(await get()), actor } });
    await call("PATCH", `/api/v1/annotations/${annotation.body.id}`, { token: owner.token, body: { version: 1, note: "checked" } });
    expect(await events.next()).toEqual({ id: expect.any(String), event: "annotation.updated", data: { ...(await get()), actor } });

    const comment = await call("POST", `/api/v1/annotations/${annotation.body.id}/comments`, {
      token: owner.token,
      body: { body: "Source? https://example.org" },
    });
    expect(await events.next()).toEqual({ id: expect.any(String), event: "comment.created", data: { ...comment.body, actor } });
    const edited = await call("PATCH", `/api/v1/comments/${comment.body.id}`, { token: owner.token, body: { body: "Source found." } });
    expect(await events.next()).toEqual({ id: expect.any(String), event: "comment.updated", data: { ...edited.body, actor } });
    await call("DELETE", `/api/v1/comments/${comment.body.id}`, { token: owner.token });
    expect(await events.next()).toEqual({
      id: expect.any(String),
      event: "comment.deleted",
      data: { id: comment.body.id, documentId, annotationId: annotation.body.id, actor },
    });

    await call("DELETE", `/api/v1/annotations/${annotation.body.id}`, { token: owner.token });
    expect(await events.next()).toEqual({
      id: expect.any(String),
      event: "annotation.deleted",
      data: { id: annotation.body.id, documentId, actor },
    });
    await call("POST", `/api/v1/annotations/${annotation.body.id}/restore`, { token: owner.token });
    expect(await events.next()).toEqual({ id: expect.any(String), event: "annotation.restored", data: { ...(await get()), actor } });
  });

  it("ids increase in delivery order", async () => {
    const owner = await newUser("owner");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    const events = await stream(`/api/v1/projects/${projectId}/events`, owner);
    // One letter each, of "minister" (a span never starts or ends with a space).
    for (let i = 6; i < 11; i++) {
      await call("POST", `/api/v1/documents/${documentId}/annotations`, {
        token: owner.token,
        body: { label: "claim", start: i, end: i + 1 },
      });
    }
    const ids = (await events.take(5)).map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe("the document stream", () => {
  it("carries its document's changes and the project's speakers, not other documents', and presence", async () => {
    const owner = await newUser("owner");
    const colleague = await newUser("colleague");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    await addMember(owner, projectId, colleague, "annotator");
    const other = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Other", text: TEXT },
    });

    const mine = await stream(`/api/v1/documents/${documentId}/events`, owner);
    const first = await mine.next(5000, []);
    expect(first).toEqual({ id: undefined, event: "presence", data: { viewers: [{ userId: owner.id, name: "owner" }] } });
    const theirs = await stream(`/api/v1/documents/${documentId}/events`, colleague);
    // Both see both, sorted by name.
    const both = {
      viewers: [
        { userId: colleague.id, name: "colleague" },
        { userId: owner.id, name: "owner" },
      ],
    };
    expect((await mine.next(5000, [])).data).toEqual(both);
    expect((await theirs.next(5000, [])).data).toEqual(both);

    await call("POST", `/api/v1/documents/${other.body.id}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: 0, end: 1 },
    });
    await call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body: { title: "Third", text: "x" } });
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: colleague.token, body: { name: "Spokesman" } });
    expect(await theirs.next()).toMatchObject({ event: "speaker.created", data: { id: speaker.body.id, actor: { id: colleague.id } } });
    const here = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: colleague.token,
      body: { label: "claim", start: 0, end: 1 },
    });
    expect(await mine.next()).toMatchObject({ event: "speaker.created" });
    expect(await mine.next()).toMatchObject({ event: "annotation.created", data: { id: here.body.id, author: { id: colleague.id } } });

    // The colleague leaves: presence says so.
    await theirs.cancel();
    await expect
      .poll(async () => (await mine.next(5000, [])).data, { timeout: 10_000 })
      .toEqual({ viewers: [{ userId: owner.id, name: "owner" }] });
  });
});

describe("resuming", () => {
  it("replays every change after Last-Event-ID, in order, then live ones, with no duplicate", async () => {
    const owner = await newUser("owner");
    const { documentId } = await newProjectWithDocument(owner, TEXT);
    // The i-th letter from "minister" on (code point 6), never a space.
    const create = (i: number) =>
      call("POST", `/api/v1/documents/${documentId}/annotations`, {
        token: owner.token,
        body: { label: "claim", start: 6 + i, end: 7 + i },
      });
    const first = await stream(`/api/v1/documents/${documentId}/events`, owner);
    await create(0);
    const seen = await first.next();
    await first.cancel();
    // A gap: changes while disconnected.
    const missed = [];
    for (let i = 1; i <= 4; i++) missed.push((await create(i)).body.id);
    const resumed = await stream(`/api/v1/documents/${documentId}/events`, owner, { "last-event-id": seen.id as string });
    const replayed = await resumed.take(4);
    expect(replayed.map((e) => e.data.id)).toEqual(missed);
    const live = (await create(10)).body.id;
    expect((await resumed.next()).data.id).toBe(live);
    await resumed.expectQuiet(300);

    // ?since= does the same; since=0 replays everything of the stream's scope.
    const bySince = await stream(`/api/v1/documents/${documentId}/events?since=${seen.id}`, owner);
    expect((await bySince.take(5)).map((e) => e.data.id)).toEqual([...missed, live]);
    const all = await stream(`/api/v1/documents/${documentId}/events?since=0`, owner);
    expect((await all.take(6)).map((e) => e.event)).toEqual(Array(6).fill("annotation.created"));
  });

  it("resumes a page's stream after what the page read: a change between render and connect arrives", async () => {
    const owner = await newUser("owner");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    // The page: the stream start first, then its data.
    const since = await projectStreamStart(pool(), projectId);
    expect(since).not.toBe("0");
    // A colleague's change lands before the page's stream opens.
    const meanwhile = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: 0, end: 1 },
    });
    const events = await stream(`/api/v1/projects/${projectId}/events?since=${since}`, owner);
    expect((await events.next()).data.id).toBe(meanwhile.body.id);
    await events.expectQuiet(200);
    // A project without events yet starts from its beginning.
    const fresh = (await call("POST", "/api/v1/projects", { token: owner.token, body: { name: "Empty" } })).body.id as string;
    expect(await projectStreamStart(pool(), fresh)).toBe("0");
  });

  it("never skips a change whose transaction commits after a later one", async () => {
    const owner = await newUser("owner");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    // From the setup's last event: a fresh stream may replay changes that committed while another
    // test's transaction was open (the horizon), which would be noise here.
    const [setup] = await rows<{ id: string }>("SELECT max(id)::text AS id FROM change_events WHERE project_id = $1", [projectId]);
    const events = await stream(`/api/v1/projects/${projectId}/events?since=${setup?.id}`, owner);
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      // A transaction takes an event id first and commits last.
      await slow.query("BEGIN");
      const late = await slow.query<{ id: string }>(
        `INSERT INTO change_events (project_id, document_id, subject_id, kind, actor_id, after)
         VALUES ($1, $2, 'late-subject', 'document.created', $3, '{"id":"late-subject"}') RETURNING id::text AS id`,
        [projectId, documentId, owner.id],
      );
      const early = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
        token: owner.token,
        body: { label: "claim", start: 0, end: 1 },
      });
      // The later change waits for the earlier transaction…
      await events.expectQuiet(300);
      await slow.query("COMMIT");
      // …then both arrive, the late-committing one first (it belongs to the older transaction).
      const [a, b] = await events.take(2);
      expect([a?.id, b?.data.id]).toEqual([late.rows[0]?.id, early.body.id]);
      // A client that saw only the later event before reconnecting would still get the earlier:
      // replay order is the same delivery order.
      const replay = await stream(`/api/v1/projects/${projectId}/events?since=${a?.id}`, owner);
      expect((await replay.next()).data.id).toBe(early.body.id);
    } finally {
      await slow.end();
    }
  });

  it("refuses an id that is not an event of the project", async () => {
    const owner = await newUser("owner");
    const { projectId } = await newProjectWithDocument(owner, TEXT);
    const other = await newProjectWithDocument(owner, TEXT);
    const foreign = await stream(`/api/v1/projects/${other.projectId}/events?since=0`, owner);
    await call("POST", `/api/v1/projects/${other.projectId}/speakers`, { token: owner.token, body: { name: "X" } });
    const foreignId = (await foreign.next()).id as string;
    for (const since of [foreignId, "999999999999"]) {
      const response = await dispatchRaw("GET", `/api/v1/projects/${projectId}/events?since=${since}`, { token: owner.token });
      expect(response.status).toBe(400);
    }
    expect((await dispatchRaw("GET", `/api/v1/projects/${projectId}/events?since=abc`, { token: owner.token })).status).toBe(400);
  });
});

describe("access and limits", () => {
  it("answers 401 without credentials and 404 to non-members", async () => {
    const owner = await newUser("owner");
    const outsider = await newUser("outsider");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    for (const path of [`/api/v1/projects/${projectId}/events`, `/api/v1/documents/${documentId}/events`]) {
      expect((await dispatchRaw("GET", path)).status).toBe(401);
      const response = await dispatchRaw("GET", path, { token: outsider.token });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("ends a removed member's stream within 5 s; a viewer receives everything", async () => {
    const owner = await newUser("owner");
    const viewer = await newUser("viewer");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    await addMember(owner, projectId, viewer, "viewer");
    const events = await stream(`/api/v1/documents/${documentId}/events`, viewer);
    await call("POST", `/api/v1/documents/${documentId}/annotations`, { token: owner.token, body: { label: "claim", start: 0, end: 1 } });
    expect((await events.next()).event).toBe("annotation.created");
    const removedAt = Date.now();
    expect((await call("DELETE", `/api/v1/projects/${projectId}/members/${viewer.id}`, { token: owner.token })).status).toBe(204);
    await events.waitForEnd(5000);
    expect(Date.now() - removedAt).toBeLessThan(5000);
  });

  it("answers 429 with Retry-After beyond the per-user limit", async () => {
    const owner = await newUser("owner");
    const { documentId } = await newProjectWithDocument(owner, TEXT);
    for (let i = 0; i < 4; i++) await stream(`/api/v1/documents/${documentId}/events`, owner);
    const refused = await dispatchRaw("GET", `/api/v1/documents/${documentId}/events`, { token: owner.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Closing one frees a place.
    await (open.pop() as EventReader).cancel();
    await stream(`/api/v1/documents/${documentId}/events`, owner);
  });
});
