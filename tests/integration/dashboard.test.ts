// The project dashboard's figures (lib/projects/dashboard.ts) against a small project counted by hand.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { projectDashboard } from "@/lib/projects/dashboard";
import type { Actor } from "@/lib/auth/authenticate";

const TEXT = "Ann said “one”. Bo said “two”. Cy said “three”. Di said “four”.";
function span(exact: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(exact))).length;
  return { start, end: start + Array.from(exact).length, exact };
}

describe("projectDashboard", () => {
  it("counts documents by state per annotator, annotations by label and status, per day, and the reviewed share", async () => {
    const owner = await newUser("owner");
    const a = await newUser("dash-a");
    const b = await newUser("dash-b");
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT, "D1");
    const second = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "D2", text: "Nothing." },
    });
    await addMember(owner, projectId, a, "annotator");
    await addMember(owner, projectId, b, "annotator");
    await call("POST", `/api/v1/projects/${projectId}/assignments`, {
      token: owner.token,
      body: { perDocument: 2, userIds: [a.id, b.id] },
    });
    const annotate = async (token: string, exact: string, label = "quote") =>
      (await call("POST", `/api/v1/documents/${documentId}/annotations`, { token, body: { label, ...span(exact) } })).body;
    const one = await annotate(a.token, "“one”");
    await annotate(a.token, "“two”", "claim");
    await annotate(b.token, "“three”");
    await call("POST", `/api/v1/annotations/${one.id}/review`, { token: owner.token, body: { status: "accepted" } });
    await call("POST", `/api/v1/documents/${second.body.id}/done`, { token: b.token });

    const actor = (user: { id: string }): Actor => ({ id: user.id, name: "" }) as Actor;
    const dash = await projectDashboard(actor(owner), projectId);
    // a: D1 in progress, D2 to do. b: D1 in progress, D2 done.
    expect(dash.annotators).toEqual([
      { userId: a.id, name: "dash-a", todo: 1, inProgress: 1, done: 0 },
      { userId: b.id, name: "dash-b", todo: 0, inProgress: 1, done: 1 },
    ]);
    expect(dash.byLabelStatus).toEqual(
      [
        { label: "claim", status: "pending", count: 1 },
        { label: "quote", status: "pending", count: 1 },
        { label: "quote", status: "accepted", count: 1 },
      ].sort((x, y) => (x.label + x.status < y.label + y.status ? -1 : 1)),
    );
    expect(dash.perDay).toEqual([{ day: new Date().toISOString().slice(0, 10), count: 3 }]);
    expect(dash.reviewed).toEqual({ reviewed: 1, total: 3 });

    // Independent mode: an annotator's figures are their own layer's.
    await call("PATCH", `/api/v1/projects/${projectId}`, { token: owner.token, body: { annotationMode: "independent" } });
    const blind = await projectDashboard(actor(b), projectId);
    expect(blind.reviewed).toEqual({ reviewed: 0, total: 1 });
    expect(blind.perDay[0]?.count).toBe(1);
  });
});
