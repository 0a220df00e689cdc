// Suggestions: computed and stored per document, listed, accepted into an annotation through the
// one write path (cue kept, history origin "suggestion" with the rule, never twice) or dismissed
// (not proposed again); access like the document's other routes.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";

const TEXT = [
  "Zhao Lijian, the spokesman of the Chinese Foreign Ministry, spoke on Monday.",
  "“We will not back down,” he said.",
  "🎉 Maria Lopez stressed that the talks would resume next week.",
].join("\n");

async function setup() {
  const owner = await newUser("owner");
  const viewer = await newUser("viewer");
  const outsider = await newUser("outsider");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
  await addMember(owner, projectId, viewer, "viewer");
  return { owner, viewer, outsider, projectId, documentId };
}

interface Suggestion {
  id: string;
  quoteKind: string;
  start: number;
  end: number;
  exact: string;
  cueStart: number | null;
  cueEnd: number | null;
  speaker: { id: string } | { newName: string; description: string | null } | null;
  rule: string;
}

describe("suggestions", () => {
  it("are computed, listed, accepted once with cue and origin, and dismissed for good", async () => {
    const { owner, projectId, documentId } = await setup();
    const path = `/api/v1/documents/${documentId}/suggestions`;
    const computed = await call<{ suggestions: Suggestion[] }>("POST", path, { token: owner.token });
    expect(computed.status).toBe(200);
    const [direct, indirect] = computed.body.suggestions;
    expect(direct).toMatchObject({
      quoteKind: "direct",
      exact: "We will not back down,",
      rule: "direct-cue",
      speaker: { newName: "Zhao Lijian", description: "the spokesman of the Chinese Foreign Ministry" },
    });
    // Code points: the emoji before "Maria" counts one.
    expect(indirect).toMatchObject({
      quoteKind: "indirect",
      exact: "the talks would resume next week",
      speaker: { newName: "Maria Lopez" },
    });
    expect([...TEXT].slice(indirect!.start, indirect!.end).join("")).toBe("the talks would resume next week");
    expect([...TEXT].slice(indirect!.cueStart!, indirect!.cueEnd!).join("")).toBe("stressed");

    const listed = await call("GET", path, { token: owner.token });
    expect(listed.body).toEqual(computed.body);

    const accepted = await call("POST", `/api/v1/suggestions/${direct!.id}/accept`, { token: owner.token });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ label: "quote", quoteKind: "direct", start: direct!.start, end: direct!.end });
    expect(accepted.body).toMatchObject({ cueStart: direct!.cueStart, cueEnd: direct!.cueEnd, speaker: { name: "Zhao Lijian" } });
    const again = await call("POST", `/api/v1/suggestions/${direct!.id}/accept`, { token: owner.token });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(accepted.body.id);
    const annotations = await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token });
    expect(annotations.body.annotations).toHaveLength(1);
    const history = await call("GET", `/api/v1/annotations/${accepted.body.id}/history`, { token: owner.token });
    expect(history.body.history[0].origin).toEqual({ origin: "suggestion", rule: "direct-cue", suggestionId: direct!.id });
    const speakers = await call("GET", `/api/v1/projects/${projectId}/speakers`, { token: owner.token });
    expect(speakers.body.speakers.map((s: { name: string }) => s.name)).toContain("Zhao Lijian");

    expect((await call("POST", `/api/v1/suggestions/${indirect!.id}/dismiss`, { token: owner.token })).status).toBe(204);
    // Computing again: the accepted quote is covered by its annotation, the dismissed one stays hidden.
    const recomputed = await call<{ suggestions: Suggestion[] }>("POST", path, { token: owner.token });
    expect(recomputed.body.suggestions).toEqual([]);
  });

  it("accepts corrections: span, kind and a project speaker", async () => {
    const { owner, projectId, documentId } = await setup();
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Maria Lopez" } });
    const computed = await call<{ suggestions: Suggestion[] }>("POST", `/api/v1/documents/${documentId}/suggestions`, {
      token: owner.token,
    });
    const indirect = computed.body.suggestions.find((s) => s.quoteKind === "indirect")!;
    // The project's speaker is matched by name.
    expect(indirect.speaker).toEqual({ id: speaker.body.id });
    const accepted = await call("POST", `/api/v1/suggestions/${indirect.id}/accept`, {
      token: owner.token,
      body: { start: indirect.start + 4, quoteKind: "mixed", newName: "Someone Else" },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ start: indirect.start + 4, exact: "talks would resume next week", quoteKind: "mixed" });
    expect(accepted.body.speaker.name).toBe("Someone Else");
    const bad = await call("POST", `/api/v1/suggestions/${computed.body.suggestions[0]!.id}/accept`, {
      token: owner.token,
      body: { end: 100_000 },
    });
    expect(bad.status).toBe(422);
    // A correction that leaves whitespace at an end is refused like any span, naming the offset.
    const direct = computed.body.suggestions[0]!;
    const spaced = await call("POST", `/api/v1/suggestions/${direct.id}/accept`, { token: owner.token, body: { start: direct.start - 2 } });
    expect(spaced.status).toBe(422);
    expect(spaced.body.error.details.fields.start).toMatch(new RegExp(`^start ${direct.start - 2}: the span starts with whitespace`));
  });

  it("follow the document's access rules: viewers read, non-members get 404", async () => {
    const { owner, viewer, outsider, documentId } = await setup();
    const path = `/api/v1/documents/${documentId}/suggestions`;
    const computed = await call<{ suggestions: Suggestion[] }>("POST", path, { token: owner.token });
    const id = computed.body.suggestions[0]!.id;
    expect((await call("GET", path, { token: viewer.token })).status).toBe(200);
    expect((await call("POST", path, { token: viewer.token })).status).toBe(403);
    expect((await call("POST", `/api/v1/suggestions/${id}/accept`, { token: viewer.token })).status).toBe(403);
    expect((await call("POST", `/api/v1/suggestions/${id}/dismiss`, { token: viewer.token })).status).toBe(403);
    expect((await call("GET", path, { token: outsider.token })).status).toBe(404);
    expect((await call("POST", path, { token: outsider.token })).status).toBe(404);
    expect((await call("POST", `/api/v1/suggestions/${id}/accept`, { token: outsider.token })).status).toBe(404);
    expect((await call("POST", `/api/v1/suggestions/${id}/dismiss`, { token: outsider.token })).status).toBe(404);
    expect((await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body.annotations).toEqual([]);
  });
});
