// Review as its own action (roles, no conflict with content edits, who/when/why, reset to pending
// on a content change, history) and the review queue (filters, order, context, hints, pagination
// that stays stable while annotations are added).

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { snapshotCounts } from "../helpers/db";
import type { Actor } from "@/lib/auth/authenticate";
import { pendingCount } from "@/lib/review/review-queue";

const TEXT =
  "Japan joined NATO's cyber defence centre on Friday. " +
  "Zhao Lijian, the spokesman of the Chinese Foreign Ministry, said “Japan should learn lessons from history.” " +
  "The ministry called it a milestone. “It is a highland of peace,” Wang Wenbin added.\n" +
  "Analyst Jiro Minier said the move was “long overdue”. Separately, Wang Wenbin told reporters that Tokyo “must reflect”.";

function span(exact: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(exact))).length;
  return { start, end: start + Array.from(exact).length, exact };
}

async function setup() {
  const owner = await newUser("owner");
  const reviewer = await newUser("reviewer");
  const annotator = await newUser("annotator");
  const { projectId, documentId } = await newProjectWithDocument(owner, TEXT, "NATO article");
  await addMember(owner, projectId, reviewer, "reviewer");
  await addMember(owner, projectId, annotator, "annotator");
  const speaker = async (name: string) =>
    (await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name } })).body.id as string;
  const zhao = await speaker("Zhao Lijian");
  const minier = await speaker("Jiro Minier");
  const annotate = async (user: TestUser, exact: string, speakerId: string | null, label = "quote") =>
    (await call("POST", `/api/v1/documents/${documentId}/annotations`, { token: user.token, body: { label, ...span(exact), speakerId } }))
      .body;
  return { owner, reviewer, annotator, projectId, documentId, zhao, minier, annotate };
}

describe("POST /annotations/{id}/review", () => {
  it("records who reviewed, when and why, without touching the content version, so it never conflicts with an edit", async () => {
    const { reviewer, annotator, zhao, annotate } = await setup();
    const mine = await annotate(annotator, "“Japan should learn lessons from history.”", zhao);
    const reviewed = await call("POST", `/api/v1/annotations/${mine.id}/review`, {
      token: reviewer.token,
      body: { status: "rejected", reason: "Wrong span" },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: "rejected",
      reviewedBy: { id: reviewer.id, name: "reviewer" },
      reviewedAt: expect.stringMatching(/Z$/),
      reviewReason: "Wrong span",
      version: 1,
    });
    // The annotator, still at version 1, edits the note: no 409, and the note change keeps the review.
    const noted = await call("PATCH", `/api/v1/annotations/${mine.id}`, {
      token: annotator.token,
      body: { version: 1, note: "see the transcript" },
    });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({ version: 2, status: "rejected", reviewReason: "Wrong span", reviewedBy: { id: reviewer.id } });
    // Back to pending clears who and why.
    const reset = await call("POST", `/api/v1/annotations/${mine.id}/review`, { token: reviewer.token, body: { status: "pending" } });
    expect(reset.body).toMatchObject({ status: "pending", reviewedBy: null, reviewedAt: null, reviewReason: null, version: 2 });
  });

  it("is for reviewers and owners: annotators and viewers get 403, non-members 404, bad input 422 — writing nothing", async () => {
    const { owner, annotator, projectId, zhao, annotate } = await setup();
    const viewer = await newUser("viewer");
    const outsider = await newUser("outsider");
    await addMember(owner, projectId, viewer, "viewer");
    const a = await annotate(annotator, "“long overdue”", zhao);
    const before = await snapshotCounts();
    const path = `/api/v1/annotations/${a.id}/review`;
    expect((await call("POST", path, { token: annotator.token, body: { status: "accepted" } })).status).toBe(403);
    expect((await call("POST", path, { token: viewer.token, body: { status: "accepted" } })).status).toBe(403);
    expect((await call("POST", path, { token: outsider.token, body: { status: "accepted" } })).status).toBe(404);
    expect((await call("POST", path, { token: outsider.token, body: { bogus: 1 } })).status).toBe(404);
    expect((await call("POST", path, { token: owner.token, body: { status: "maybe" } })).status).toBe(422);
    expect((await call("POST", path, { token: owner.token, body: { status: "accepted", extra: 1 } })).status).toBe(422);
    expect(await snapshotCounts()).toEqual(before);
    expect((await call("POST", path, { token: owner.token, body: { status: "accepted" } })).status).toBe(200);
  });

  it("a content change (speaker, span, label, kind) puts an accepted annotation back to pending; a note does not; history shows it", async () => {
    const { owner, reviewer, annotator, zhao, minier, annotate } = await setup();
    const a = await annotate(annotator, "“Japan should learn lessons from history.”", zhao);
    const accept = () => call("POST", `/api/v1/annotations/${a.id}/review`, { token: reviewer.token, body: { status: "accepted" } });
    const patch = async (body: Record<string, unknown>) => {
      const current = (await call("GET", `/api/v1/annotations/${a.id}`, { token: owner.token })).body;
      return (await call("PATCH", `/api/v1/annotations/${a.id}`, { token: annotator.token, body: { version: current.version, ...body } }))
        .body;
    };
    await accept();
    expect((await patch({ note: "fine" })).status).toBe("accepted");
    expect((await patch({ speakerId: minier })).status).toBe("pending");
    await accept();
    expect((await patch({ quoteKind: "mixed" })).status).toBe("pending");
    await accept();
    expect((await patch({ label: "claim" })).status).toBe("pending");
    await accept();
    expect((await patch({ ...span("Japan should learn lessons from history.") })).status).toBe("pending");
    const history = (await call("GET", `/api/v1/annotations/${a.id}/history`, { token: owner.token })).body.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "review",
      "update",
      "update",
      "review",
      "update",
      "review",
      "update",
      "review",
      "update",
    ]);
    expect(history[1]).toMatchObject({
      kind: "annotation.reviewed",
      actor: { id: reviewer.id },
      before: { status: "pending" },
      after: { status: "accepted" },
    });
    expect(history[3]).toMatchObject({ before: { status: "accepted" }, after: { status: "pending", reviewedBy: null } });
  });

  it("the old PATCH with status still reviews (and bumps the version, as API.md says)", async () => {
    const { reviewer, annotator, zhao, annotate } = await setup();
    const a = await annotate(annotator, "“long overdue”", zhao);
    const patched = await call("PATCH", `/api/v1/annotations/${a.id}`, { token: reviewer.token, body: { version: 1, status: "accepted" } });
    expect(patched.body).toMatchObject({ status: "accepted", version: 2, reviewedBy: { id: reviewer.id } });
  });
});

describe("GET /projects/{id}/review-queue", () => {
  it("lists pending annotations by document then position, each in its sentence, with attribution hints", async () => {
    const { owner, reviewer, annotator, projectId, zhao, minier, annotate } = await setup();
    const wrong = await annotate(annotator, "“must reflect”", zhao); // Wang Wenbin said it, and Zhao is three sentences away
    const right = await annotate(annotator, "“Japan should learn lessons from history.”", zhao);
    const analyst = await annotate(owner, "“long overdue”", minier);
    const claim = await annotate(annotator, "Japan joined NATO's cyber defence centre", null, "claim");
    await call("POST", `/api/v1/annotations/${claim.id}/review`, { token: reviewer.token, body: { status: "accepted" } });

    const queue = await call("GET", `/api/v1/projects/${projectId}/review-queue`, { token: reviewer.token });
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(3);
    expect(queue.body.nextCursor).toBeNull();
    expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([right.id, analyst.id, wrong.id]);
    const [first, third, second] = queue.body.items;
    expect(first).toMatchObject({
      documentTitle: "NATO article",
      context: { before: "Zhao Lijian, the spokesman of the Chinese Foreign Ministry, said ", after: "" },
      attributionHint: null,
    });
    expect(second.attributionHint.reason).toContain("Zhao Lijian");
    expect(second.context).toEqual({ before: "Separately, Wang Wenbin told reporters that Tokyo ", after: "." });
    expect(third).toMatchObject({ context: { before: "Analyst Jiro Minier said the move was ", after: "." }, attributionHint: null });

    // Filters: speaker, label, author, status.
    const filtered = async (query: string) =>
      (await call("GET", `/api/v1/projects/${projectId}/review-queue?${query}`, { token: reviewer.token })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await filtered(`speakerId=${minier}`)).toEqual([analyst.id]);
    expect(await filtered(`author=${owner.id}`)).toEqual([analyst.id]);
    expect(await filtered("status=accepted")).toEqual([claim.id]);
    expect(await filtered("label=claim")).toEqual([]);
    expect((await call("GET", `/api/v1/projects/${projectId}/review-queue?limit=0`, { token: reviewer.token })).status).toBe(400);
    expect((await call("GET", `/api/v1/projects/${projectId}/review-queue?cursor=nonsense`, { token: reviewer.token })).status).toBe(400);
  });

  it("pages with an opaque cursor that stays stable while annotations are added", async () => {
    const owner = await newUser("owner");
    const text = "word ".repeat(200);
    const { projectId, documentId } = await newProjectWithDocument(owner, text);
    const create = (start: number) =>
      call("POST", `/api/v1/documents/${documentId}/annotations`, { token: owner.token, body: { label: "claim", start, end: start + 4 } });
    for (let i = 0; i < 10; i++) await create(100 + i * 5);
    const page = (cursor?: string) =>
      call("GET", `/api/v1/projects/${projectId}/review-queue?limit=4${cursor ? `&cursor=${cursor}` : ""}`, { token: owner.token });
    const first = (await page()).body;
    expect(first.items).toHaveLength(4);
    // A colleague adds annotations before and after the cursor meanwhile.
    await create(0);
    await create(500);
    const second = (await page(first.nextCursor)).body;
    const third = (await page(second.nextCursor)).body;
    const fourth = third.nextCursor ? (await page(third.nextCursor)).body : { items: [], nextCursor: null };
    const starts = [...first.items, ...second.items, ...third.items, ...fourth.items].map((i: { start: number }) => i.start);
    // Nothing repeated or skipped after the cursor; the one added before it is not in these pages.
    expect(starts).toEqual([100, 105, 110, 115, 120, 125, 130, 135, 140, 145, 500]);
    expect(second.total).toBe(12);
  });

  it("is 404 for non-members", async () => {
    const { projectId } = await setup();
    const outsider = await newUser("outsider");
    expect((await call("GET", `/api/v1/projects/${projectId}/review-queue`, { token: outsider.token })).status).toBe(404);
  });

  it("counts what waits for review as the Review tab shows it, and only for members", async () => {
    const { reviewer, annotator, projectId, zhao, annotate } = await setup();
    const asActor = (user: TestUser): Actor => ({ id: user.id, name: "x", email: user.email });
    expect(await pendingCount(asActor(reviewer), projectId)).toBe(0);
    await annotate(annotator, "“must reflect”", zhao);
    const accepted = await annotate(annotator, "“long overdue”", zhao);
    await call("POST", `/api/v1/annotations/${accepted.id}/review`, { token: reviewer.token, body: { status: "accepted" } });
    expect(await pendingCount(asActor(annotator), projectId)).toBe(1);
    await expect(pendingCount(asActor(await newUser("outsider")), projectId)).rejects.toThrow("not found");
  });
});
