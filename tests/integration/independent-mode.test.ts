// Blind double annotation (issue 10): in an independent project an annotator cannot read another
// annotator's annotation by any route, and can in a shared one; reviewers and owners see every
// layer and may pick one (?author=). One table of routes, run in both modes.

import { afterEach, describe, expect, it } from "vitest";
import { addMember, call, dispatchRaw, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { EventReader } from "../helpers/sse";

const TEXT = "The mayor said “the zebra bridge opens in May”. Her rival said “the budget is a fantasy”. Nobody else spoke.";

function span(exact: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(exact))).length;
  return { start, end: start + Array.from(exact).length, exact };
}

const open: EventReader[] = [];
afterEach(async () => {
  for (const reader of open.splice(0)) await reader.cancel();
});

/** Every event a stream replays from the start, as one string (stops after a quiet moment). */
async function replayed(path: string, user: TestUser): Promise<string> {
  const response = await dispatchRaw("GET", path, { token: user.token });
  expect(response.status).toBe(200);
  const reader = new EventReader(response.body as ReadableStream<Uint8Array>);
  open.push(reader);
  const seen: unknown[] = [];
  for (;;) {
    try {
      seen.push(await reader.next(400));
    } catch {
      return JSON.stringify(seen);
    }
  }
}

async function setup(mode: "shared" | "independent") {
  const owner = await newUser("owner");
  const a = await newUser("annotator-a");
  const b = await newUser("annotator-b");
  const reviewer = await newUser("reviewer");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT, "Bridge article");
  await addMember(owner, projectId, a, "annotator");
  await addMember(owner, projectId, b, "annotator");
  await addMember(owner, projectId, reviewer, "reviewer");
  const patched = await call("PATCH", `/api/v1/projects/${projectId}`, { token: owner.token, body: { annotationMode: mode } });
  expect(patched.status).toBe(200);
  expect(patched.body.annotationMode).toBe(mode);
  const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "The Mayor" } });
  const own = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
    token: a.token,
    body: { label: "quote", ...span("“the budget is a fantasy”") },
  });
  const theirs = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
    token: b.token,
    body: { label: "quote", ...span("“the zebra bridge opens in May”"), speakerId: speaker.body.id },
  });
  expect(theirs.status).toBe(201);
  await call("POST", `/api/v1/annotations/${theirs.body.id}/comments`, { token: b.token, body: { body: "okapi comment" } });
  return {
    owner,
    a,
    b,
    reviewer,
    projectId,
    documentId,
    speakerId: speaker.body.id as string,
    ownId: own.body.id,
    theirId: theirs.body.id,
  };
}

type Fixture = Awaited<ReturnType<typeof setup>>;

/** Each read route, as A: the text it answers (B's annotation id, or B's comment on it, must not be in it when blind). */
const READS: [string, (f: Fixture) => Promise<string>][] = [
  ["annotations list (all)", async (f) => (await call("GET", `/api/v1/documents/${f.documentId}/annotations`, { token: f.a.token })).text],
  [
    "annotations list (page)",
    async (f) => (await call("GET", `/api/v1/documents/${f.documentId}/annotations?limit=50`, { token: f.a.token })).text,
  ],
  [
    "annotations list (?author=B)",
    async (f) => (await call("GET", `/api/v1/documents/${f.documentId}/annotations?limit=50&author=${f.b.id}`, { token: f.a.token })).text,
  ],
  ["single annotation", async (f) => (await call("GET", `/api/v1/annotations/${f.theirId}`, { token: f.a.token })).text],
  ["history", async (f) => (await call("GET", `/api/v1/annotations/${f.theirId}/history`, { token: f.a.token })).text],
  ["comments", async (f) => (await call("GET", `/api/v1/annotations/${f.theirId}/comments`, { token: f.a.token })).text],
  ["document stream", (f) => replayed(`/api/v1/documents/${f.documentId}/events?since=0`, f.a)],
  ["project stream", (f) => replayed(`/api/v1/projects/${f.projectId}/events?since=0`, f.a)],
  ["export json", async (f) => (await call("GET", `/api/v1/projects/${f.projectId}/export?format=json`, { token: f.a.token })).text],
  [
    "export jsonl, ?author=B",
    async (f) => (await call("GET", `/api/v1/projects/${f.projectId}/export?format=jsonl&author=${f.b.id}`, { token: f.a.token })).text,
  ],
  ["search annotations", async (f) => (await call("GET", `/api/v1/projects/${f.projectId}/search?q=zebra`, { token: f.a.token })).text],
  ["review queue", async (f) => (await call("GET", `/api/v1/projects/${f.projectId}/review-queue`, { token: f.a.token })).text],
  ["speaker's annotations", async (f) => (await call("GET", `/api/v1/speakers/${f.speakerId}/annotations`, { token: f.a.token })).text],
];

describe("independent mode: what annotator A can read of annotator B's work", () => {
  it.each(READS)(
    "%s: hidden when independent, visible when shared",
    async (_name, read) => {
      const blind = await setup("independent");
      const blindText = await read(blind);
      expect(blindText).not.toContain(blind.theirId);
      expect(blindText).not.toContain("okapi");
      const shared = await setup("shared");
      expect(await read(shared)).toContain(shared.theirId);
    },
    20_000,
  );

  it("A still sees their own annotations in every list", async () => {
    const f = await setup("independent");
    const list = await call("GET", `/api/v1/documents/${f.documentId}/annotations?limit=50`, { token: f.a.token });
    expect(list.body.annotations.map((x: { id: string }) => x.id)).toEqual([f.ownId]);
    const exported = await call("GET", `/api/v1/projects/${f.projectId}/export?format=json`, { token: f.a.token });
    expect(exported.text).toContain(f.ownId);
  });

  it("A cannot change, delete, review, comment on or restore B's annotation: 404, as if absent", async () => {
    const f = await setup("independent");
    const path = `/api/v1/annotations/${f.theirId}`;
    expect((await call("PATCH", path, { token: f.a.token, body: { version: 1, note: "x" } })).status).toBe(404);
    expect((await call("DELETE", path, { token: f.a.token })).status).toBe(404);
    expect((await call("POST", `${path}/review`, { token: f.a.token, body: { status: "accepted" } })).status).toBe(404);
    expect((await call("POST", `${path}/comments`, { token: f.a.token, body: { body: "hi" } })).status).toBe(404);
    expect((await call("DELETE", path, { token: f.b.token })).status).toBe(204);
    expect((await call("POST", `${path}/restore`, { token: f.a.token })).status).toBe(404);
    // In a shared project the same attempts are refused by role, not hidden.
    const s = await setup("shared");
    expect((await call("DELETE", `/api/v1/annotations/${s.theirId}`, { token: s.a.token })).status).toBe(403);
  });

  it("viewers see only their own layer too; reviewers and owners see every layer and can pick one with ?author=", async () => {
    const f = await setup("independent");
    const viewer = await newUser("viewer");
    await addMember(f.owner, f.projectId, viewer, "viewer");
    const ids = async (user: TestUser, query = "") =>
      (await call("GET", `/api/v1/documents/${f.documentId}/annotations?limit=50${query}`, { token: user.token })).body.annotations
        .map((x: { id: string }) => x.id)
        .sort();
    expect(await ids(viewer)).toEqual([]);
    expect(await ids(f.reviewer)).toEqual([f.ownId, f.theirId].sort());
    expect(await ids(f.owner)).toEqual([f.ownId, f.theirId].sort());
    expect(await ids(f.owner, `&author=${f.b.id}`)).toEqual([f.theirId]);
    expect((await call("GET", `/api/v1/annotations/${f.theirId}`, { token: f.reviewer.token })).status).toBe(200);
  });

  it("suggestions are not hidden by another annotator's overlapping span", async () => {
    const f = await setup("independent");
    const computed = await call("POST", `/api/v1/documents/${f.documentId}/suggestions`, { token: f.a.token });
    expect(computed.status).toBeLessThan(300);
    const listed = await call("GET", `/api/v1/documents/${f.documentId}/suggestions`, { token: f.a.token });
    const starts = listed.body.suggestions.map((s: { start: number }) => s.start);
    // B's quote is not A's: a suggestion over it (if the rules find one) is not withheld from A,
    // and none overlaps A's own span.
    const own = span("“the budget is a fantasy”");
    for (const s of listed.body.suggestions as { start: number; end: number }[]) expect(s.start < own.end && own.start < s.end).toBe(false);
    expect(Array.isArray(starts)).toBe(true);
  });
});

describe("PATCH /projects/{id}", () => {
  it("is for owners (403 otherwise), takes shared or independent (422 otherwise), and GET/list report the mode", async () => {
    const owner = await newUser("owner");
    const reviewer = await newUser("reviewer");
    const { projectId } = await newProjectWithDocument(owner);
    await addMember(owner, projectId, reviewer, "reviewer");
    expect((await call("GET", `/api/v1/projects/${projectId}`, { token: owner.token })).body.annotationMode).toBe("shared");
    expect(
      (await call("PATCH", `/api/v1/projects/${projectId}`, { token: reviewer.token, body: { annotationMode: "independent" } })).status,
    ).toBe(403);
    const bad = await call("PATCH", `/api/v1/projects/${projectId}`, { token: owner.token, body: { annotationMode: "blind" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("annotationMode");
    expect((await call("GET", `/api/v1/projects/${projectId}`, { token: owner.token })).body.annotationMode).toBe("shared");
    await call("PATCH", `/api/v1/projects/${projectId}`, { token: owner.token, body: { annotationMode: "independent" } });
    const list = await call("GET", "/api/v1/projects", { token: reviewer.token });
    expect(list.body.projects.find((p: { id: string }) => p.id === projectId).annotationMode).toBe("independent");
  });
});

describe("live comment events in an independent project", () => {
  /** A's live document stream, subscribed before the call returns. */
  async function live(f: Fixture, user: TestUser, query = ""): Promise<EventReader> {
    const response = await dispatchRaw("GET", `/api/v1/documents/${f.documentId}/events${query}`, { token: user.token });
    expect(response.status).toBe(200);
    const reader = new EventReader(response.body as ReadableStream<Uint8Array>);
    open.push(reader);
    return reader;
  }
  const comment = (f: Fixture, user: TestUser, annotationId: string, body: string) =>
    call("POST", `/api/v1/annotations/${annotationId}/comments`, { token: user.token, body: { body } });

  it("A receives every comment on their own annotations (the reviewer's too), none on B's, and the same on replay", async () => {
    const f = await setup("independent");
    const a = await live(f, f.a);
    const reviewer = await live(f, f.reviewer);
    // Sent in this order: what A receives first must be the comment on A's annotation.
    const onTheirs = await comment(f, f.reviewer, f.theirId, "reviewer on B's span");
    const bOnTheirs = await comment(f, f.b, f.theirId, "B on B's span");
    const onOwn = await comment(f, f.reviewer, f.ownId, "reviewer on A's span");
    expect([onTheirs.status, bOnTheirs.status, onOwn.status]).toEqual([201, 201, 201]);
    const received = await a.next();
    expect(received).toMatchObject({
      event: "comment.created",
      data: { id: onOwn.body.id, annotationId: f.ownId, author: { id: f.reviewer.id } },
    });
    const edited = await call("PATCH", `/api/v1/comments/${onTheirs.body.id}`, { token: f.reviewer.token, body: { body: "edited" } });
    expect(edited.status).toBe(200);
    const ownReply = await comment(f, f.a, f.ownId, "A replies");
    expect((await a.next()).data).toMatchObject({ id: ownReply.body.id });
    // The reviewer sees every layer: all four, in order.
    expect((await reviewer.take(5)).map((e) => (e.data as { id: string }).id)).toEqual([
      onTheirs.body.id,
      bOnTheirs.body.id,
      onOwn.body.id,
      onTheirs.body.id,
      ownReply.body.id,
    ]);
    const replay = await replayed(`/api/v1/documents/${f.documentId}/events?since=0`, f.a);
    expect(replay).toContain(onOwn.body.id);
    expect(replay).toContain(ownReply.body.id);
    expect(replay).not.toContain(onTheirs.body.id);
    expect(replay).not.toContain(bOnTheirs.body.id);
    expect(replay).not.toContain("okapi");
  }, 20_000);

  it("A's own comment on B's annotation, written while the project was shared, is not sent once it is independent", async () => {
    const f = await setup("shared");
    const written = await comment(f, f.a, f.theirId, "A on B's span, in shared mode");
    expect(written.status).toBe(201);
    const sharedReplay = await replayed(`/api/v1/projects/${f.projectId}/events?since=0`, f.a);
    expect(sharedReplay).toContain(written.body.id);
    await call("PATCH", `/api/v1/projects/${f.projectId}`, { token: f.owner.token, body: { annotationMode: "independent" } });
    const a = await live(f, f.a);
    await call("PATCH", `/api/v1/comments/${written.body.id}`, { token: f.a.token, body: { body: "edited later" } });
    const onOwn = await comment(f, f.reviewer, f.ownId, "reviewer on A's span");
    expect((await a.next()).data).toMatchObject({ id: onOwn.body.id });
    const blindReplay = await replayed(`/api/v1/projects/${f.projectId}/events?since=0`, f.a);
    expect(blindReplay).not.toContain(written.body.id);
    expect(blindReplay).toContain(onOwn.body.id);
  }, 20_000);

  it("a comment on a deleted annotation still follows its author (the annotation's last event)", async () => {
    const f = await setup("independent");
    const onOwn = await comment(f, f.reviewer, f.ownId, "reviewer on A's span");
    expect((await call("DELETE", `/api/v1/annotations/${f.ownId}`, { token: f.a.token })).status).toBe(204);
    expect((await call("DELETE", `/api/v1/annotations/${f.theirId}`, { token: f.b.token })).status).toBe(204);
    const replay = await replayed(`/api/v1/documents/${f.documentId}/events?since=0`, f.a);
    expect(replay).toContain(onOwn.body.id);
    expect(replay).not.toContain("okapi");
  }, 20_000);
});

describe("annotation counts count what the caller may see", () => {
  /** annotationCount of the fixture's document and speaker by each route, as `user` reads them. */
  async function counts(f: Fixture, user: TestUser) {
    const opts = { token: user.token };
    const documents = await call("GET", `/api/v1/projects/${f.projectId}/documents`, opts);
    const found = await call("GET", `/api/v1/projects/${f.projectId}/search?in=documents&q=zebra`, opts);
    const speakers = await call("GET", `/api/v1/projects/${f.projectId}/speakers`, opts);
    const speaker = await call("GET", `/api/v1/speakers/${f.speakerId}`, opts);
    const ensured = await call("POST", `/api/v1/projects/${f.projectId}/speakers?existing=return`, {
      ...opts,
      body: { name: "the mayor" },
    });
    const byId = (list: { id: string; annotationCount: number }[], id: string) => list.find((x) => x.id === id);
    return {
      documentList: byId(documents.body.documents, f.documentId)?.annotationCount,
      documentSearch: byId(found.body.items, f.documentId)?.annotationCount,
      speakerList: byId(speakers.body.speakers, f.speakerId)?.annotationCount,
      speaker: speaker.body.annotationCount,
      speakerEnsured: ensured.status === 200 ? ensured.body.annotationCount : ensured.status,
    };
  }

  it("an annotator in an independent project counts their own; reviewers, owners and everyone in a shared project count all", async () => {
    const f = await setup("independent");
    // B's span is attributed to the speaker; A attributes theirs to it too, and B adds one more.
    await call("PATCH", `/api/v1/annotations/${f.ownId}`, { token: f.a.token, body: { version: 1, speakerId: f.speakerId } });
    const more = await call("POST", `/api/v1/documents/${f.documentId}/annotations`, {
      token: f.b.token,
      body: { label: "claim", ...span("Nobody else spoke."), speakerId: f.speakerId },
    });
    expect(more.status).toBe(201);
    const all = { documentList: 3, documentSearch: 3, speakerList: 3, speaker: 3, speakerEnsured: 3 };
    expect(await counts(f, f.a)).toEqual({ documentList: 1, documentSearch: 1, speakerList: 1, speaker: 1, speakerEnsured: 1 });
    expect(await counts(f, f.b)).toEqual({ documentList: 2, documentSearch: 2, speakerList: 2, speaker: 2, speakerEnsured: 2 });
    expect(await counts(f, f.reviewer)).toEqual(all);
    expect(await counts(f, f.owner)).toEqual(all);
    // A renames the speaker: the answer counts A's layer only.
    const renamed = await call("PATCH", `/api/v1/speakers/${f.speakerId}`, { token: f.a.token, body: { description: "Mayor since 2020" } });
    expect(renamed.body.annotationCount).toBe(1);
    // A merges the speaker into another and undoes it: both answers count A's layer only.
    const other = await call("POST", `/api/v1/projects/${f.projectId}/speakers`, { token: f.a.token, body: { name: "Mayor Jones" } });
    const merged = await call("POST", `/api/v1/speakers/${f.speakerId}/merge`, { token: f.a.token, body: { into: other.body.id } });
    expect(merged.body).toMatchObject({ speaker: { id: other.body.id, annotationCount: 1 } });
    expect((await call("GET", `/api/v1/speakers/${other.body.id}`, { token: f.reviewer.token })).body.annotationCount).toBe(3);
    const unmerged = await call("POST", `/api/v1/speakers/${f.speakerId}/unmerge`, { token: f.a.token });
    expect(unmerged.body).toMatchObject({ speaker: { id: f.speakerId, annotationCount: 1 } });
    await call("PATCH", `/api/v1/projects/${f.projectId}`, { token: f.owner.token, body: { annotationMode: "shared" } });
    expect(await counts(f, f.a)).toEqual(all);
  }, 20_000);
});
