// Agreement and the curated layer through the API: scores over the documents each pair marked done
// (assignments written directly here: the assignments API is another change), filters, access;
// curation through the one write path (history), unanimous curation once, and the curated export.

import { describe, expect, it } from "vitest";
import { agreementSummary } from "@/lib/agreement/agreement-summary";
import { pairsByLabel } from "@/lib/agreement/compute-agreement";
import { agreementReport, loadAgreement, readAgreement } from "@/lib/agreement/load-agreement";
import type { Actor } from "@/lib/auth/authenticate";
import { pool } from "@/lib/db/client";
import { LABELS } from "@/lib/model/vocabulary";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";

const TEXT = "Alpha said “we will act” on Monday. Beta claimed the tax would rise next year. Gamma denied it all.";
const cp = (text: string, s: string) => {
  const at = [...text].join("").indexOf(s);
  return { start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + [...s].length };
};
const WE_WILL_ACT = cp(TEXT, "“we will act”");
const TAX = cp(TEXT, "the tax would rise next year");
const DENIED = cp(TEXT, "Gamma denied it all");

async function markDone(projectId: string, documentId: string, user: TestUser, done = true) {
  await pool().query(
    `INSERT INTO assignments (document_id, user_id, project_id, done_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (document_id, user_id) DO UPDATE SET done_at = EXCLUDED.done_at`,
    [documentId, user.id, projectId, done ? new Date() : null],
  );
}

async function annotate(user: TestUser, documentId: string, span: { start: number; end: number }, label = "quote", speakerId?: string) {
  const created = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
    token: user.token,
    body: { label, ...span, ...(speakerId ? { speakerId } : {}) },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
}

async function setup() {
  const owner = await newUser("owner");
  const reviewer = await newUser("reviewer");
  const ann1 = await newUser("ann1");
  const ann2 = await newUser("ann2");
  const ann3 = await newUser("ann3");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT, "First");
  for (const [user, role] of [
    [reviewer, "reviewer"],
    [ann1, "annotator"],
    [ann2, "annotator"],
    [ann3, "annotator"],
  ] as const) {
    await addMember(owner, projectId, user, role);
  }
  const second = await call("POST", `/api/v1/projects/${projectId}/documents`, {
    token: owner.token,
    body: { title: "Second", text: TEXT },
  });
  return { owner, reviewer, ann1, ann2, ann3, projectId, documentId, secondId: second.body.id as string };
}

const agreementOf = (projectId: string, token: string, query = "") =>
  call("GET", `/api/v1/projects/${projectId}/agreement${query}`, { token });

describe("agreement", () => {
  it("is 1 for identical annotators and at most 0 for disjoint ones, per document and for the project, with names", async () => {
    const { reviewer, ann1, ann2, ann3, projectId, documentId, secondId } = await setup();
    // Document 1: ann1 and ann2 identical; ann3 marks something else entirely.
    for (const user of [ann1, ann2]) {
      await annotate(user, documentId, WE_WILL_ACT);
      await annotate(user, documentId, TAX, "claim");
    }
    await annotate(ann3, documentId, DENIED, "claim");
    for (const user of [ann1, ann2, ann3]) await markDone(projectId, documentId, user);
    // Document 2: only ann1 finished it; ann2's work there is not done and must not count.
    await annotate(ann1, secondId, WE_WILL_ACT);
    await annotate(ann2, secondId, TAX, "claim");
    await markDone(projectId, secondId, ann1);
    await markDone(projectId, secondId, ann2, false);

    const { status, body } = await agreementOf(projectId, reviewer.token);
    expect(status).toBe(200);
    expect(body.users.map((u: { name: string }) => u.name)).toEqual(["ann1", "ann2", "ann3"]);
    const pair = (a: TestUser, b: TestUser) => body.pairs.find((p: { a: string; b: string }) => p.a === a.id && p.b === b.id);
    expect(pair(ann1, ann2)).toMatchObject({
      documents: 1,
      exact: { f1: 1, precision: 1, recall: 1, labelAgreement: 1, speakerAgreement: 1 },
    });
    expect(pair(ann1, ann3)).toMatchObject({ documents: 1, exact: { f1: 0, matched: 0 }, overlap: { f1: 0 } });
    // The second document: one annotator finished it, no pair, no α.
    const second = body.perDocument.find((d: { documentId: string }) => d.documentId === secondId);
    expect(second).toMatchObject({ title: "Second", annotators: [ann1.id], pairs: [] });
    const first = body.perDocument.find((d: { documentId: string }) => d.documentId === documentId);
    expect(first.pairs).toHaveLength(3);
    expect(first.alphaU.overall).toBeLessThan(1);
    expect(body.alphaU.documents).toBe(1);

    // Only ann1 and ann2: identical, α_u = 1.
    const two = await agreementOf(projectId, reviewer.token, `?users=${ann1.id},${ann2.id}`);
    expect(two.body.pairs).toHaveLength(1);
    expect(two.body.alphaU.overall).toBeCloseTo(1, 6);
    // ann1 against ann3 only: disjoint, α_u ≤ 0.
    const disjoint = await agreementOf(projectId, reviewer.token, `?users=${ann1.id},${ann3.id}`);
    expect(disjoint.body.alphaU.overall).toBeLessThanOrEqual(0);

    // label=claim: ann1 and ann3 both have one claim, disjoint; ann1/ann2 still agree.
    const claims = await agreementOf(projectId, reviewer.token, `?label=claim&documentId=${documentId}`);
    expect(claims.body.labels).toEqual(["claim"]);
    expect(claims.body.perDocument).toHaveLength(1);
    expect(claims.body.pairs.find((p: { a: string; b: string }) => p.a === ann1.id && p.b === ann2.id).exact).toMatchObject({
      matched: 1,
      f1: 1,
    });
    expect(claims.body.pairs.find((p: { a: string; b: string }) => p.a === ann1.id && p.b === ann3.id).exact).toMatchObject({
      matched: 0,
      aOnly: 1,
      bOnly: 1,
    });

    const csv = await agreementOf(projectId, reviewer.token, "?format=csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.text.split("\r\n")[0]).toMatch(/^document_id,document_title,annotator_a,annotator_b,documents,exact_precision/);
    expect(csv.text).toContain(",(project),ann1,ann2,1,1,1,1,");
  });

  it("reads once: every label's report from one read equals the report read for that label, and the summary names the weakest document", async () => {
    const { reviewer, ann1, ann2, ann3, projectId, documentId, secondId } = await setup();
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: reviewer.token, body: { name: "Alpha" } });
    // First: ann1 and ann2 agree on the quote (ann2 without its speaker) and differ on the claim; ann3 misses the quote.
    await annotate(ann1, documentId, WE_WILL_ACT, "quote", speaker.body.id);
    await annotate(ann2, documentId, WE_WILL_ACT);
    await annotate(ann1, documentId, TAX, "claim");
    await annotate(ann2, documentId, DENIED, "claim");
    await annotate(ann3, documentId, TAX, "claim");
    // Second: all three identical.
    for (const user of [ann1, ann2, ann3]) {
      await annotate(user, secondId, DENIED, "claim");
      await markDone(projectId, documentId, user);
      await markDone(projectId, secondId, user);
    }
    const actor = { id: reviewer.id, name: "reviewer" } as Actor;
    const data = await readAgreement({ actor, projectId });
    const byLabel = pairsByLabel(data.input, LABELS);
    for (const label of LABELS) {
      const narrowed = await loadAgreement({ actor, projectId, label });
      expect(agreementReport(data, label)).toEqual(narrowed);
      expect(byLabel[label]).toEqual(narrowed.pairs);
    }
    const all = agreementReport(data);
    expect(all).toEqual(await loadAgreement({ actor, projectId }));
    expect((await agreementOf(projectId, reviewer.token)).body).toEqual(all);

    const summary = agreementSummary(all);
    expect(summary).toMatchObject({ alphaDocuments: 2, documents: 2, lowest: { documentId, title: "First" } });
    expect(summary.alphaU).toBe(all.alphaU.overall);
    // Overlap F1 by hand, summed over both documents — ann1–ann2: 2 matches of 3 + 3 spans → 2/3;
    // ann1–ann3: 2 of 3 + 2 → 0.8; ann2–ann3: 1 of 3 + 2 → 0.4. First document alone: 0.5, 2/3, 0.
    expect(summary.meanF1).toBeCloseTo((2 / 3 + 0.8 + 0.4) / 3, 12);
    expect(summary.lowest?.f1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 12);
  });

  it("never includes another project's work, and is for reviewers and owners only", async () => {
    const a = await setup();
    const b = await setup();
    for (const user of [a.ann1, a.ann2]) await markDone(a.projectId, a.documentId, user);
    await annotate(b.ann1, b.documentId, WE_WILL_ACT);
    await markDone(b.projectId, b.documentId, b.ann1);
    const report = await agreementOf(a.projectId, a.owner.token);
    expect(report.status).toBe(200);
    expect(report.body.users.map((u: { id: string }) => u.id).sort()).toEqual([a.ann1.id, a.ann2.id].sort());
    expect(report.body.perDocument.map((d: { documentId: string }) => d.documentId)).toEqual([a.documentId]);
    // Nobody marked anything: F1 undefined, not 1.
    expect(report.body.pairs[0].exact.f1).toBeNull();
    // Another project's document id as a filter finds nothing here.
    const foreign = await agreementOf(a.projectId, a.owner.token, `?documentId=${b.documentId}`);
    expect(foreign.body.perDocument).toEqual([]);

    expect((await agreementOf(a.projectId, a.ann1.token)).status).toBe(403);
    expect((await agreementOf(a.projectId, b.owner.token)).status).toBe(404);
    expect((await agreementOf(a.projectId, a.owner.token, "?label=nonsense")).status).toBe(400);
  });
});

describe("curation", () => {
  it("accepts an annotation through the write path (history), unanimous spans once, and the curated export holds exactly the curated layer", async () => {
    const { reviewer, ann1, ann2, projectId, documentId } = await setup();
    const a1 = await annotate(ann1, documentId, WE_WILL_ACT);
    await annotate(ann2, documentId, WE_WILL_ACT);
    const differing = await annotate(ann1, documentId, TAX, "claim");
    await annotate(ann2, documentId, cp(TEXT, "the tax would rise"), "claim");
    for (const user of [ann1, ann2]) await markDone(projectId, documentId, user);

    // Annotators may not curate.
    const refused = await call("POST", `/api/v1/documents/${documentId}/curation`, { token: ann1.token, body: { from: a1.id } });
    expect(refused.status).toBe(403);
    expect((await call("POST", `/api/v1/documents/${documentId}/curation/unanimous`, { token: ann2.token })).status).toBe(403);

    const unanimous = await call("POST", `/api/v1/documents/${documentId}/curation/unanimous`, { token: reviewer.token });
    expect(unanimous.status).toBe(200);
    expect(unanimous.body.annotators).toBe(2);
    expect(unanimous.body.created).toHaveLength(1);
    expect(unanimous.body.created[0]).toMatchObject({
      ...WE_WILL_ACT,
      curated: true,
      curatedBy: { id: reviewer.id },
      status: "accepted",
      author: { id: reviewer.id },
    });
    const again = await call("POST", `/api/v1/documents/${documentId}/curation/unanimous`, { token: reviewer.token });
    expect(again.body.created).toEqual([]);

    // One differing span accepted with a correction of its end.
    const curated = await call("POST", `/api/v1/documents/${documentId}/curation`, {
      token: reviewer.token,
      body: { from: differing.id, end: cp(TEXT, "the tax would rise next").end },
    });
    expect(curated.status).toBe(201);
    expect(curated.body).toMatchObject({ curated: true, label: "claim", exact: "the tax would rise next", status: "accepted" });
    expect(typeof curated.body.curatedAt).toBe("string");
    const history = await call("GET", `/api/v1/annotations/${curated.body.id}/history`, { token: reviewer.token });
    expect(history.body.history).toHaveLength(1);
    expect(history.body.history[0]).toMatchObject({ action: "create", origin: { origin: "curation", from: differing.id } });
    const [{ curated_from }] = (await pool().query("SELECT curated_from FROM annotations WHERE id = $1", [curated.body.id])).rows;
    expect(curated_from).toBe(differing.id);

    // A bad correction is a 422 and writes nothing.
    const before = (await pool().query("SELECT count(*)::int AS n FROM annotations WHERE document_id = $1", [documentId])).rows[0].n;
    const bad = await call("POST", `/api/v1/documents/${documentId}/curation`, {
      token: reviewer.token,
      body: { from: differing.id, end: 10_000 },
    });
    expect(bad.status).toBe(422);
    const unknown = await call("POST", `/api/v1/documents/${documentId}/curation`, { token: reviewer.token, body: { from: "nope" } });
    expect(unknown.status).toBe(422);
    expect((await pool().query("SELECT count(*)::int AS n FROM annotations WHERE document_id = $1", [documentId])).rows[0].n).toBe(before);

    // Curated annotations never count as an annotator's work in agreement.
    const report = await agreementOf(projectId, reviewer.token);
    expect(report.body.users.map((u: { id: string }) => u.id)).not.toContain(reviewer.id);

    const gold = await call("GET", `/api/v1/projects/${projectId}/export?format=jsonl&layer=curated`, { token: reviewer.token });
    expect(gold.status).toBe(200);
    const lines = gold.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; curated: boolean });
    expect(lines.map((line) => line.id).sort()).toEqual([unanimous.body.created[0].id, curated.body.id].sort());
    expect(lines.every((line) => line.curated)).toBe(true);
    const all = await call("GET", `/api/v1/projects/${projectId}/export?format=jsonl`, { token: reviewer.token });
    expect(all.text.trim().split("\n")).toHaveLength(6);
    expect((await call("GET", `/api/v1/projects/${projectId}/export?layer=gold`, { token: reviewer.token })).status).toBe(400);

    // Un-curating is the ordinary delete; unanimous then brings the span back once.
    const deleted = await call("DELETE", `/api/v1/annotations/${unanimous.body.created[0].id}`, { token: reviewer.token });
    expect(deleted.status).toBe(204);
    const restored = await call("POST", `/api/v1/documents/${documentId}/curation/unanimous`, { token: reviewer.token });
    expect(restored.body.created).toHaveLength(1);
  });
});
