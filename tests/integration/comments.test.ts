// Comments: the thread of an annotation — create, list, edit, delete, validation and roles
// (annotators, reviewers and owners comment; viewers read; only the author edits; the author or
// an owner deletes), with nothing written by a refused request.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { snapshotCounts } from "../helpers/db";

async function setup() {
  const owner = await newUser("owner");
  const annotator = await newUser("annotator");
  const reviewer = await newUser("reviewer");
  const viewer = await newUser("viewer");
  const outsider = await newUser("outsider");
  const { projectId, documentId } = await newProjectWithDocument(owner, "The minister said “we will act”.");
  await addMember(owner, projectId, annotator, "annotator");
  await addMember(owner, projectId, reviewer, "reviewer");
  await addMember(owner, projectId, viewer, "viewer");
  const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
    token: annotator.token,
    body: { label: "claim", start: 0, end: 12 },
  });
  return { owner, annotator, reviewer, viewer, outsider, projectId, documentId, annotationId: annotation.body.id as string };
}

describe("comments", () => {
  it("are created, listed oldest first, edited by their author and deleted", async () => {
    const { annotator, reviewer, owner, annotationId } = await setup();
    const path = `/api/v1/annotations/${annotationId}/comments`;
    const first = await call("POST", path, { token: reviewer.token, body: { body: "  Who said this? <b>not bold</b>  " } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      annotationId,
      author: { id: reviewer.id, name: "reviewer" },
      body: "Who said this? <b>not bold</b>", // trimmed, stored as plain text
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    const second = await call("POST", path, {
      token: annotator.token,
      body: { body: "The minister, line 1.\nSee https://example.org/a?b=1" },
    });
    expect(second.status).toBe(201);
    const list = await call("GET", path, { token: owner.token });
    expect(list.body.comments.map((c: { id: string }) => c.id)).toEqual([first.body.id, second.body.id]);

    const edited = await call("PATCH", `/api/v1/comments/${first.body.id}`, {
      token: reviewer.token,
      body: { body: "Who said this, exactly?" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: first.body.id, body: "Who said this, exactly?" });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));

    expect((await call("DELETE", `/api/v1/comments/${second.body.id}`, { token: annotator.token })).status).toBe(204);
    expect((await call("GET", path, { token: owner.token })).body.comments).toHaveLength(1);
  });

  it("enforce roles: viewers read, only the author edits, the author or an owner deletes, non-members get 404", async () => {
    const { owner, annotator, reviewer, viewer, outsider, annotationId } = await setup();
    const path = `/api/v1/annotations/${annotationId}/comments`;
    const mine = await call("POST", path, { token: annotator.token, body: { body: "mine" } });
    const before = await snapshotCounts();
    expect((await call("GET", path, { token: viewer.token })).body.comments).toHaveLength(1);
    expect((await call("POST", path, { token: viewer.token, body: { body: "may I?" } })).status).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/comments/${mine.body.id}`, { token: reviewer.token, body: { body: "edited by someone else" } })).status,
    ).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/comments/${mine.body.id}`, { token: owner.token, body: { body: "edited by the owner" } })).status,
    ).toBe(403);
    expect((await call("DELETE", `/api/v1/comments/${mine.body.id}`, { token: reviewer.token })).status).toBe(403);
    expect((await call("DELETE", `/api/v1/comments/${mine.body.id}`, { token: viewer.token })).status).toBe(403);
    for (const [method, url, body] of [
      ["GET", path, undefined],
      ["POST", path, { body: "intruder" }],
      ["POST", path, { nonsense: true }],
      ["PATCH", `/api/v1/comments/${mine.body.id}`, { body: "intruder" }],
      ["DELETE", `/api/v1/comments/${mine.body.id}`, undefined],
    ] as const) {
      const result = await call(method, url, { token: outsider.token, body });
      expect(result.status, `${method} ${url}`).toBe(404);
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await call("DELETE", `/api/v1/comments/${mine.body.id}`, { token: owner.token })).status).toBe(204);
  });

  it("refuse an empty, too long or NUL-carrying body and unknown fields with 422, writing nothing", async () => {
    const { annotator, annotationId } = await setup();
    const path = `/api/v1/annotations/${annotationId}/comments`;
    const before = await snapshotCounts();
    for (const body of [
      {},
      { body: "" },
      { body: "   " },
      { body: "x".repeat(10_001) },
      { body: "a\u0000b" },
      { body: "ok", extra: 1 },
      { body: 42 },
    ]) {
      const result = await call("POST", path, { token: annotator.token, body });
      expect(result.status, JSON.stringify(body).slice(0, 40)).toBe(422);
    }
    expect((await call("POST", path, { token: annotator.token, body: { body: "x".repeat(10_000) } })).status).toBe(201);
    const after = await snapshotCounts();
    expect(after.annotations).toBe(before.annotations);
  });

  it("outlive a deleted annotation and come back with it", async () => {
    const { annotator, annotationId } = await setup();
    const path = `/api/v1/annotations/${annotationId}/comments`;
    await call("POST", path, { token: annotator.token, body: { body: "keep me" } });
    await call("DELETE", `/api/v1/annotations/${annotationId}`, { token: annotator.token });
    expect((await call("GET", path, { token: annotator.token })).status).toBe(404);
    await call("POST", `/api/v1/annotations/${annotationId}/restore`, { token: annotator.token });
    expect((await call("GET", path, { token: annotator.token })).body.comments.map((c: { body: string }) => c.body)).toEqual(["keep me"]);
  });
});

describe("comments in exports", () => {
  it("ride along: the thread in json, replies in w3c, a count in csv and jsonl; a w3c re-import skips the replies", async () => {
    const { owner, annotator, projectId, annotationId } = await setup();
    await call("POST", `/api/v1/annotations/${annotationId}/comments`, { token: annotator.token, body: { body: 'first, "quoted"' } });
    await call("POST", `/api/v1/annotations/${annotationId}/comments`, { token: owner.token, body: { body: "second" } });
    const exportOf = (format: string) => call("GET", `/api/v1/projects/${projectId}/export?format=${format}`, { token: owner.token });

    const json = JSON.parse((await exportOf("json")).text);
    const annotation = json.documents[0].annotations[0];
    expect(annotation.comments.map((c: { body: string; author: { name: string } }) => [c.author.name, c.body])).toEqual([
      ["annotator", 'first, "quoted"'],
      ["owner", "second"],
    ]);

    const w3c = JSON.parse((await exportOf("w3c")).text);
    const replies = w3c.first.items.filter((item: { motivation: string }) => item.motivation === "replying");
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatchObject({
      type: "Annotation",
      target: `urn:uuid:${annotationId}`,
      body: { value: 'first, "quoted"', format: "text/plain" },
    });
    expect(w3c.total).toBe(3);

    const jsonl = (await exportOf("jsonl")).text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(jsonl[0].commentCount).toBe(2);
    const csv = (await exportOf("csv")).text.split("\r\n");
    // The count's column by name: the cue columns follow it.
    const commentsColumn = csv[0]?.split(",").indexOf("comments") ?? -1;
    expect(commentsColumn).toBeGreaterThan(0);
    expect(csv[1]?.split(",")[commentsColumn]).toBe("2");

    const copy = await call("POST", "/api/v1/projects", { token: owner.token, body: { name: "Copy" } });
    const text = json.documents[0].text;
    await call("POST", `/api/v1/projects/${copy.body.id}/documents`, {
      token: owner.token,
      body: { title: json.documents[0].title, text },
    });
    const imported = await call("POST", `/api/v1/projects/${copy.body.id}/import?format=w3c`, { token: owner.token, body: w3c });
    expect(imported.body.annotations).toEqual({ created: 1, failed: 0, alreadyPresent: 0, reanchored: 0 });
  });
});
