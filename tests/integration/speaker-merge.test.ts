// Speaker merge (every annotation moved with its event, names become aliases, nothing of another
// project touched, 422 for itself or a foreign speaker), undo, bulk reattribution, a speaker's
// annotations across documents, and likely duplicates.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { count, snapshotCounts } from "../helpers/db";

const TEXT = "Zhao said “Japan should learn lessons.” Zhao Lijian added “peace matters”. J. Minier said “long overdue”.";

function span(exact: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(exact))).length;
  return { start, end: start + Array.from(exact).length };
}

async function setup() {
  const owner = await newUser("owner");
  const annotator = await newUser("annotator");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
  await addMember(owner, projectId, annotator, "annotator");
  const speaker = async (body: Record<string, unknown>) =>
    (await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body })).body;
  const zhao = await speaker({ name: "Zhao", aliases: ["FM spokesman"], description: "MFA" });
  const full = await speaker({ name: "Zhao Lijian", aliases: ["赵立坚"] });
  const minier = await speaker({ name: "Jiro Minier" });
  const annotate = async (exact: string, speakerId: string) =>
    (
      await call("POST", `/api/v1/documents/${documentId}/annotations`, {
        token: annotator.token,
        body: { label: "quote", ...span(exact), speakerId },
      })
    ).body;
  const a1 = await annotate("“Japan should learn lessons.”", zhao.id);
  const a2 = await annotate("“peace matters”", zhao.id);
  const a3 = await annotate("“long overdue”", minier.id);
  return { owner, annotator, projectId, documentId, zhao, full, minier, a1, a2, a3 };
}

describe("merging speakers", () => {
  it("moves every annotation, turns the name and aliases into aliases, deletes the merged speaker — and undo restores it", async () => {
    const { owner, annotator, projectId, zhao, full, a1, a2, a3 } = await setup();
    // A reviewed annotation stays reviewed: it is the same person.
    await call("POST", `/api/v1/annotations/${a1.id}/review`, { token: owner.token, body: { status: "accepted" } });
    const merged = await call("POST", `/api/v1/speakers/${zhao.id}/merge`, { token: annotator.token, body: { into: full.id } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      moved: 2,
      speaker: { id: full.id, name: "Zhao Lijian", aliases: ["赵立坚", "Zhao", "FM spokesman"], annotationCount: 2 },
    });
    expect((await call("GET", `/api/v1/speakers/${zhao.id}`, { token: owner.token })).status).toBe(404);
    for (const id of [a1.id, a2.id]) {
      const a = (await call("GET", `/api/v1/annotations/${id}`, { token: owner.token })).body;
      expect(a).toMatchObject({ speakerId: full.id, speaker: { name: "Zhao Lijian" }, version: 2 });
    }
    expect((await call("GET", `/api/v1/annotations/${a1.id}`, { token: owner.token })).body.status).toBe("accepted");
    expect((await call("GET", `/api/v1/annotations/${a3.id}`, { token: owner.token })).body.version).toBe(1);
    // Each moved annotation has its history row; the merge is an event too.
    expect(
      await count("SELECT count(*) FROM change_events WHERE kind = 'annotation.updated' AND subject_id = ANY($1)", [[a1.id, a2.id]]),
    ).toBe(2);
    expect(await count("SELECT count(*) FROM change_events WHERE kind = 'speaker.merged' AND subject_id = $1", [zhao.id])).toBe(1);

    // Undo.
    const undone = await call("POST", `/api/v1/speakers/${zhao.id}/unmerge`, { token: annotator.token });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({
      moved: 2,
      speaker: { id: zhao.id, name: "Zhao", aliases: ["FM spokesman"], description: "MFA", annotationCount: 2 },
    });
    expect((await call("GET", `/api/v1/speakers/${full.id}`, { token: owner.token })).body.aliases).toEqual(["赵立坚"]);
    expect((await call("GET", `/api/v1/annotations/${a2.id}`, { token: owner.token })).body.speakerId).toBe(zhao.id);
    expect((await call("POST", `/api/v1/speakers/${zhao.id}/unmerge`, { token: annotator.token })).status).toBe(409);
    const speakers = (await call("GET", `/api/v1/projects/${projectId}/speakers`, { token: owner.token })).body.speakers;
    expect(speakers.map((s: { name: string }) => s.name).sort()).toEqual(["Jiro Minier", "Zhao", "Zhao Lijian"]);
  });

  it("refuses itself and a speaker of another project with 422, viewers with 403, outsiders with 404 — changing nothing", async () => {
    const { owner, projectId, zhao, full } = await setup();
    const other = await setup();
    const viewer = await newUser("viewer");
    const outsider = await newUser("outsider");
    await addMember(owner, projectId, viewer, "viewer");
    const before = await snapshotCounts();
    const merge = (token: string, into: string) => call("POST", `/api/v1/speakers/${zhao.id}/merge`, { token, body: { into } });
    expect((await merge(owner.token, zhao.id)).status).toBe(422);
    expect((await merge(owner.token, other.full.id)).status).toBe(422);
    expect((await merge(outsider.token, full.id)).status).toBe(404);
    expect((await merge(viewer.token, full.id)).status).toBe(403);
    expect((await call("POST", `/api/v1/speakers/${zhao.id}/merge`, { token: owner.token, body: {} })).status).toBe(422);
    expect(await snapshotCounts()).toEqual(before);
    // Nothing of the other project moved either.
    expect((await call("GET", `/api/v1/speakers/${other.zhao.id}`, { token: other.owner.token })).body.annotationCount).toBe(2);
  });
});

describe("reattributing annotations", () => {
  it("gives several annotations another speaker, resetting their reviews; annotators only their own", async () => {
    const { owner, annotator, projectId, zhao, minier, a1, a2 } = await setup();
    await call("POST", `/api/v1/annotations/${a1.id}/review`, { token: owner.token, body: { status: "accepted" } });
    const own = await call(
      "POST",
      `/api/v1/documents/${(await call("GET", `/api/v1/annotations/${a1.id}`, { token: owner.token })).body.documentId}/annotations`,
      {
        token: owner.token,
        body: { label: "claim", start: 0, end: 4, speakerId: zhao.id },
      },
    );
    const refused = await call("POST", `/api/v1/projects/${projectId}/reattribute`, {
      token: annotator.token,
      body: { annotationIds: [a1.id, own.body.id], speakerId: minier.id },
    });
    expect(refused.status).toBe(403);
    const moved = await call("POST", `/api/v1/projects/${projectId}/reattribute`, {
      token: owner.token,
      body: { annotationIds: [a1.id, a2.id], speakerId: minier.id },
    });
    expect(moved.body).toEqual({ changed: 2 });
    expect((await call("GET", `/api/v1/annotations/${a1.id}`, { token: owner.token })).body).toMatchObject({
      speakerId: minier.id,
      status: "pending",
    });
    expect(
      (
        await call("POST", `/api/v1/projects/${projectId}/reattribute`, {
          token: owner.token,
          body: { annotationIds: ["nope"], speakerId: null },
        })
      ).status,
    ).toBe(422);
  });
});

describe("a speaker's annotations and likely duplicates", () => {
  it("lists a speaker's annotations across documents, in their sentences", async () => {
    const { owner, projectId, zhao } = await setup();
    const second = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Later", text: "Zhao said “no comment”." },
    });
    await call("POST", `/api/v1/documents/${second.body.id}/annotations`, {
      token: owner.token,
      body: { label: "quote", start: 10, end: 22, speakerId: zhao.id },
    });
    const page = await call("GET", `/api/v1/speakers/${zhao.id}/annotations?limit=2`, { token: owner.token });
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const rest = await call("GET", `/api/v1/speakers/${zhao.id}/annotations?limit=2&cursor=${page.body.nextCursor}`, {
      token: owner.token,
    });
    const all = [...page.body.items, ...rest.body.items];
    expect(all.map((i: { exact: string }) => i.exact).sort()).toEqual(["“Japan should learn lessons.”", "“no comment”", "“peace matters”"]);
    expect(all.find((i: { exact: string }) => i.exact === "“no comment”")).toMatchObject({
      documentTitle: "Later",
      context: { before: "Zhao said ", after: "." },
    });
  });

  it("finds likely duplicates with a reason", async () => {
    const { owner, projectId } = await setup();
    await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Lijian Zhao" } });
    await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Zhao Wei" } });
    const { pairs } = (await call("GET", `/api/v1/projects/${projectId}/speakers/duplicates`, { token: owner.token })).body;
    const described = pairs.map(
      (p: { a: { name: string }; b: { name: string }; reason: string }) => `${p.a.name} / ${p.b.name}: ${p.reason}`,
    );
    expect(described).toContain("Lijian Zhao / Zhao Lijian: the same name in another word order");
    expect(described.some((d: string) => d.startsWith("Zhao / Zhao Lijian") && d.includes("surname"))).toBe(true);
    expect(described.some((d: string) => d.includes("Zhao Lijian / Zhao Wei") || d.includes("Zhao Wei / Zhao Lijian"))).toBe(false);
  });
});
