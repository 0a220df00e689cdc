// Annotations: code point offsets, every validation error, optimistic versions, roles, history.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { count, rows, snapshotCounts } from "../helpers/db";

const TEXT = "🚢 ab\nThe 👍🏽 minister said “we will act”, e\u0301té in 中国 and שלום.";

function cp(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join("");
}

async function setup() {
  const owner = await newUser("owner");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
  return { owner, projectId, documentId };
}

async function create(user: TestUser, documentId: string, body: Record<string, unknown>) {
  return call("POST", `/api/v1/documents/${documentId}/annotations`, { token: user.token, body });
}

describe("creating annotations", () => {
  it("counts code points: in '🚢 ab', 'ab' is start=2, end=4", async () => {
    const { owner, documentId } = await setup();
    const result = await create(owner, documentId, { label: "claim", start: 2, end: 4, exact: "ab" });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      exact: "ab",
      prefix: "🚢 ",
      suffix: cp(TEXT, 4, 36),
      version: 1,
      status: "pending",
      quoteKind: null,
    });
  });

  it("returns the full annotation object, with prefix/suffix of up to 32 code points", async () => {
    const { owner, projectId, documentId } = await setup();
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "The minister" } });
    const start = Array.from(TEXT).indexOf("“");
    const end = Array.from(TEXT).indexOf("”") + 1;
    const result = await create(owner, documentId, { label: "quote", start, end, speakerId: speaker.body.id, note: "check 🚢" });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(String),
      documentId,
      label: "quote",
      quoteKind: "direct", // starts with a quotation mark
      start,
      end,
      exact: "“we will act”",
      prefix: cp(TEXT, Math.max(0, start - 32), start),
      suffix: cp(TEXT, end, end + 32),
      speakerId: speaker.body.id,
      speaker: { id: speaker.body.id, name: "The minister" },
      cueStart: null,
      cueEnd: null,
      note: "check 🚢",
      status: "pending",
      reviewedBy: null,
      reviewedAt: null,
      reviewReason: null,
      author: { id: owner.id, name: "owner" },
      curated: false,
      curatedBy: null,
      curatedAt: null,
      version: 1,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(Array.from(result.body.prefix as string)).toHaveLength(Math.min(32, start));
    expect(start).toBeGreaterThan(20);
  });

  it("rejects every kind of bad span or field with the right status, writing nothing", async () => {
    const { owner, documentId } = await setup();
    const otherOwner = await newUser("other");
    const other = await newProjectWithDocument(otherOwner);
    const foreignSpeaker = await call("POST", `/api/v1/projects/${other.projectId}/speakers`, {
      token: otherOwner.token,
      body: { name: "Foreign" },
    });
    const length = Array.from(TEXT).length;
    const before = await snapshotCounts();
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ label: "claim", start: 0, end: length + 1 }, 422, "end"],
      [{ label: "claim", start: -1, end: 3 }, 422, "start"],
      [{ label: "claim", start: 4, end: 4 }, 422, "end"],
      [{ label: "claim", start: 5, end: 2 }, 422, "end"],
      [{ label: "claim", start: 1.5, end: 3 }, 422, "start"],
      [{ label: "claim", start: "0", end: 3 }, 422, "start"],
      [{ label: "claim", start: 2, end: 4, exact: "a" }, 422, "exact"],
      // UTF-16 offsets (what JavaScript would count) do not slice the same text.
      [{ label: "claim", start: 3, end: 5, exact: "ab" }, 422, "exact"],
      [{ label: "opinion", start: 0, end: 1 }, 422, "label"],
      [{ start: 0, end: 1 }, 422, "label"],
      [{ label: "claim", start: 0, end: 1, quoteKind: "direct" }, 422, "quoteKind"],
      [{ label: "quote", start: 0, end: 1, quoteKind: "verbatim" }, 422, "quoteKind"],
      [{ label: "claim", start: 0, end: 1, speakerId: foreignSpeaker.body.id }, 422, "speakerId"],
      [{ label: "claim", start: 0, end: 1, speakerId: "no-such-speaker" }, 422, "speakerId"],
      [{ label: "claim", start: 0, end: 1, bogus: true }, 422, "bogus"],
    ];
    for (const [body, status, field] of cases) {
      const result = await create(owner, documentId, body);
      expect(result.status, JSON.stringify(body)).toBe(status);
      expect(result.body.error.code).toBe("validation_failed");
      if (field) expect(result.body.error.details.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    const malformed = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      raw: "{label: claim}",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const tooBig = await create(owner, documentId, { label: "claim", start: 0, end: 1, note: "n".repeat(2 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("refuses (422, naming the offset) a span that splits a character, on create and on update", async () => {
    const owner = await newUser("graphemes");
    const text = "I 👍🏽 it; 👨\u200d👩\u200d👧 came; 🇯🇵🇫🇷 met; cafe\u0301 closed.";
    const { documentId } = await newProjectWithDocument(owner, text);
    const at = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
    const before = await snapshotCounts();
    const cases: [string, number, number, "start" | "end"][] = [
      ["ends between 👍 and its skin tone", 0, at("👍") + 1, "end"],
      ["starts at the skin tone modifier", at("👍") + 1, at(" it"), "start"],
      ["ends inside a ZWJ sequence (👨 + ZWJ)", at("👨"), at("👨") + 2, "end"],
      ["takes 🇵🇫 out of 🇯🇵🇫🇷", at("🇯🇵") + 1, at("🇯🇵") + 3, "start"],
      ["leaves a combining accent behind", at("cafe"), at("cafe") + 4, "end"],
    ];
    for (const [name, start, end, field] of cases) {
      const result = await create(owner, documentId, { label: "claim", start, end });
      expect(result.status, name).toBe(422);
      expect(result.body.error.details.fields[field], name).toMatch(
        `${field} ${field === "start" ? start : end} falls inside the character`,
      );
    }
    expect(await snapshotCounts()).toEqual(before);
    const whole = await create(owner, documentId, { label: "claim", start: at("👍"), end: at("👍") + 2, exact: "👍🏽" });
    expect(whole.status).toBe(201);
    const moved = await call("PATCH", `/api/v1/annotations/${whole.body.id}`, {
      token: owner.token,
      body: { version: 1, end: at("👍") + 1 },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.details.fields.end).toContain("👍🏽");
  });

  it("refuses (422, naming the offset) a span that starts or ends with whitespace, on create and on update", async () => {
    const owner = await newUser("whitespace");
    const text = "The mayor said\u00a0it: we act.\nThen\tnothing.";
    const { documentId } = await newProjectWithDocument(owner, text);
    const at = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
    const before = await snapshotCounts();
    const cases: [string, number, number, "start" | "end", number][] = [
      ["starts with a space", at(" mayor"), at(" said"), "start", at(" mayor")],
      ["ends with a space", 0, at(" mayor") + 1, "end", at(" mayor")],
      ["ends with a no-break space", at("said"), at("it:"), "end", at("\u00a0")],
      ["ends with a newline", at("we act"), at("Then"), "end", at("\n")],
      ["starts with a tab", at("\t"), at("nothing.") + 8, "start", at("\t")],
    ];
    for (const [name, start, end, field, offset] of cases) {
      const result = await create(owner, documentId, { label: "claim", start, end });
      expect(result.status, name).toBe(422);
      expect(result.body.error.details.fields[field], name).toMatch(
        new RegExp(`^${field} ${field === "start" ? start : end}: the span .* whitespace .*at code point ${offset}\\)`),
      );
    }
    expect(await snapshotCounts()).toEqual(before);
    const trimmed = await create(owner, documentId, { label: "claim", start: at("we act"), end: at("we act") + 7, exact: "we act." });
    expect(trimmed.status).toBe(201);
    const widened = await call("PATCH", `/api/v1/annotations/${trimmed.body.id}`, {
      token: owner.token,
      body: { version: 1, end: at("Then") },
    });
    expect(widened.status).toBe(422);
    expect(widened.body.error.details.fields.end).toMatch(/ends with whitespace/);
    expect((await call("GET", `/api/v1/annotations/${trimmed.body.id}`, { token: owner.token })).body).toMatchObject({
      version: 1,
      exact: "we act.",
    });
  });

  it("lists a document's annotations ordered by start, then end", async () => {
    const { owner, documentId } = await setup();
    // "minister" and its "mi" share a start; spans never start or end with whitespace.
    for (const [start, end] of [
      [12, 20],
      [2, 4],
      [12, 14],
      [0, 1],
    ]) {
      expect((await create(owner, documentId, { label: "claim", start, end })).status).toBe(201);
    }
    const list = await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token });
    expect(list.body.annotations.map((a: { start: number; end: number }) => [a.start, a.end])).toEqual([
      [0, 1],
      [2, 4],
      [12, 14],
      [12, 20],
    ]);
    for (const a of list.body.annotations) expect(a.exact).toBe(cp(TEXT, a.start, a.end));
  });
});

describe("updating annotations", () => {
  it("applies a change with the current version and increments it; a stale version is 409 and changes nothing", async () => {
    const { owner, projectId, documentId } = await setup();
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Zhao" } });
    const created = await create(owner, documentId, { label: "claim", start: 2, end: 4 });
    const id = created.body.id;
    const updated = await call("PATCH", `/api/v1/annotations/${id}`, {
      token: owner.token,
      body: { version: 1, label: "quote", quoteKind: "indirect", speakerId: speaker.body.id, note: "re-read", start: 0, end: 4 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      label: "quote",
      quoteKind: "indirect",
      speaker: { name: "Zhao" },
      note: "re-read",
      exact: "🚢 ab",
      start: 0,
      end: 4,
    });
    const before = await snapshotCounts();
    const stale = await call("PATCH", `/api/v1/annotations/${id}`, { token: owner.token, body: { version: 1, note: "lost update" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.details.currentVersion).toBe(2);
    expect(stale.body.error.details.current.note).toBe("re-read");
    expect(await snapshotCounts()).toEqual(before);
    expect((await call("GET", `/api/v1/annotations/${id}`, { token: owner.token })).body).toEqual(updated.body);
    // Switching to claim clears the quote kind; clearing the speaker uses null.
    const claim = await call("PATCH", `/api/v1/annotations/${id}`, {
      token: owner.token,
      body: { version: 2, label: "claim", speakerId: null },
    });
    expect(claim.body).toMatchObject({ version: 3, label: "claim", quoteKind: null, speaker: null, speakerId: null });
  });

  it("validates changes: bad span, exact mismatch, missing version, foreign speaker — all 422, nothing written", async () => {
    const { owner, documentId } = await setup();
    const created = await create(owner, documentId, { label: "claim", start: 2, end: 4 });
    const before = await snapshotCounts();
    for (const body of [
      { version: 1, end: 999 },
      { version: 1, start: 4 },
      { version: 1, start: 0, end: 1, exact: "x" },
      { note: "no version" },
      { version: "1", note: "string version" },
      { version: 1, speakerId: "nope" },
      { version: 1, quoteKind: "direct" },
    ]) {
      const result = await call("PATCH", `/api/v1/annotations/${created.body.id}`, { token: owner.token, body });
      expect(result.status, JSON.stringify(body)).toBe(422);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it("enforces roles: annotators edit only their own and cannot review; reviewers edit any and review", async () => {
    const { owner, projectId, documentId } = await setup();
    const annotator = await newUser("annotator");
    const reviewer = await newUser("reviewer");
    const viewer = await newUser("viewer");
    await addMember(owner, projectId, annotator, "annotator");
    await addMember(owner, projectId, reviewer, "reviewer");
    await addMember(owner, projectId, viewer, "viewer");
    const ownerNote = await create(owner, documentId, { label: "claim", start: 0, end: 1 });
    const mine = await create(annotator, documentId, { label: "claim", start: 2, end: 4 });
    expect(mine.status).toBe(201);
    expect((await create(viewer, documentId, { label: "claim", start: 2, end: 4 })).status).toBe(403);

    const before = await snapshotCounts();
    expect(
      (await call("PATCH", `/api/v1/annotations/${ownerNote.body.id}`, { token: annotator.token, body: { version: 1, note: "x" } })).status,
    ).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/annotations/${mine.body.id}`, { token: annotator.token, body: { version: 1, status: "accepted" } }))
        .status,
    ).toBe(403);
    expect(
      (await call("PATCH", `/api/v1/annotations/${mine.body.id}`, { token: viewer.token, body: { version: 1, note: "x" } })).status,
    ).toBe(403);
    expect((await call("DELETE", `/api/v1/annotations/${ownerNote.body.id}`, { token: annotator.token })).status).toBe(403);
    expect((await call("DELETE", `/api/v1/annotations/${mine.body.id}`, { token: reviewer.token })).status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);

    const own = await call("PATCH", `/api/v1/annotations/${mine.body.id}`, { token: annotator.token, body: { version: 1, note: "mine" } });
    expect(own.status).toBe(200);
    const reviewed = await call("PATCH", `/api/v1/annotations/${mine.body.id}`, {
      token: reviewer.token,
      body: { version: 2, status: "accepted", note: "checked" },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: "accepted", version: 3, author: { id: annotator.id } });
    expect((await call("DELETE", `/api/v1/annotations/${mine.body.id}`, { token: annotator.token })).status).toBe(204);
    expect((await call("DELETE", `/api/v1/annotations/${ownerNote.body.id}`, { token: owner.token })).status).toBe(204);
  });
});

describe("history", () => {
  it("records every create, update and delete with who, when, before and after — and restore undoes a delete", async () => {
    const { owner, documentId } = await setup();
    const created = await create(owner, documentId, { label: "claim", start: 2, end: 4 });
    const id = created.body.id;
    await call("PATCH", `/api/v1/annotations/${id}`, { token: owner.token, body: { version: 1, note: "first" } });
    await call("PATCH", `/api/v1/annotations/${id}`, { token: owner.token, body: { version: 2, label: "quote" } });
    const history = await call("GET", `/api/v1/annotations/${id}/history`, { token: owner.token });
    expect(history.body.history.map((h: { action: string }) => h.action)).toEqual(["create", "update", "update"]);
    const [first, second] = history.body.history;
    expect(first).toMatchObject({ actor: { id: owner.id }, before: null, after: { id, version: 1, note: null } });
    expect(second).toMatchObject({ before: { version: 1, note: null }, after: { version: 2, note: "first" } });

    expect((await call("DELETE", `/api/v1/annotations/${id}`, { token: owner.token })).status).toBe(204);
    expect((await call("GET", `/api/v1/annotations/${id}`, { token: owner.token })).status).toBe(404);
    const deletions = await rows<{ kind: string; before: { version: number } }>(
      "SELECT kind, before FROM change_events WHERE subject_id = $1 ORDER BY id",
      [id],
    );
    expect(deletions.map((r) => r.kind)).toEqual(["annotation.created", "annotation.updated", "annotation.updated", "annotation.deleted"]);
    expect(deletions[3]?.before.version).toBe(3);
    // The history outlives the annotation.
    const afterDelete = await call("GET", `/api/v1/annotations/${id}/history`, { token: owner.token });
    expect(afterDelete.body.history.map((h: { action: string }) => h.action)).toEqual(["create", "update", "update", "delete"]);

    const restored = await call("POST", `/api/v1/annotations/${id}/restore`, { token: owner.token });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ id, label: "quote", note: "first", version: 4, createdAt: created.body.createdAt });
    expect((await call("POST", `/api/v1/annotations/${id}/restore`, { token: owner.token })).status).toBe(409);
    expect(await count("SELECT count(*) FROM change_events WHERE subject_id = $1", [id])).toBe(5);
    const withRestore = (await call("GET", `/api/v1/annotations/${id}/history`, { token: owner.token })).body.history;
    expect(withRestore.at(-1)).toMatchObject({ action: "create", kind: "annotation.restored", before: null, after: { id, version: 4 } });
  });

  it("cannot be altered: the change log refuses updates and deletes", async () => {
    const { owner, documentId } = await setup();
    const created = await create(owner, documentId, { label: "claim", start: 2, end: 4 });
    await expect(rows("UPDATE change_events SET kind = 'annotation.deleted' WHERE subject_id = $1", [created.body.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(rows("DELETE FROM change_events WHERE subject_id = $1", [created.body.id])).rejects.toThrow(/append-only/);
  });
});
