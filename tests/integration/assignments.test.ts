// Assignments (issue 10): setting a document's annotators, handing documents out round-robin and
// balanced, marking work done, and each annotator's queue across projects.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { count } from "../helpers/db";

async function setup(documents = 5) {
  const owner = await newUser("owner");
  const users = [await newUser("ann-a"), await newUser("ann-b"), await newUser("ann-c")];
  const viewer = await newUser("viewer");
  const { projectId, documentId } = await newProjectWithDocument(owner, "Text number 0 said “yes”.", "Doc 0");
  const documentIds = [documentId];
  for (let i = 1; i < documents; i++) {
    const d = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: `Doc ${i}`, text: `Text number ${i}.` },
    });
    documentIds.push(d.body.id);
  }
  for (const user of users) await addMember(owner, projectId, user, "annotator");
  await addMember(owner, projectId, viewer, "viewer");
  return { owner, users, viewer, projectId, documentIds };
}

describe("PUT /documents/{id}/assignees", () => {
  it("sets the annotators (owners only), refuses non-members and viewers by name with 422, changing nothing", async () => {
    const { owner, users, viewer, documentIds } = await setup(1);
    const stranger = await newUser("stranger");
    const path = `/api/v1/documents/${documentIds[0]}/assignees`;
    const set = await call("PUT", path, { token: owner.token, body: { userIds: [users[0]!.id, users[1]!.id] } });
    expect(set.status).toBe(200);
    expect(set.body.assignees.map((a: { userId: string }) => a.userId).sort()).toEqual([users[0]!.id, users[1]!.id].sort());
    expect(set.body.assignees[0].state).toBe("todo");

    const bad = await call("PUT", path, { token: owner.token, body: { userIds: [users[2]!.id, stranger.id] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields.userIds).toContain(stranger.id);
    const asViewer = await call("PUT", path, { token: owner.token, body: { userIds: [viewer.id] } });
    expect(asViewer.status).toBe(422);
    expect(await count("SELECT count(*) FROM assignments WHERE document_id = $1", [documentIds[0]])).toBe(2);

    expect((await call("PUT", path, { token: users[0]!.token, body: { userIds: [] } })).status).toBe(403);
    expect((await call("PUT", path, { token: stranger.token, body: { userIds: [] } })).status).toBe(404);
    // Replacing keeps nobody who is not named.
    const replaced = await call("PUT", path, { token: owner.token, body: { userIds: [users[2]!.id] } });
    expect(replaced.body.assignees.map((a: { userId: string }) => a.userId)).toEqual([users[2]!.id]);
  });
});

describe("POST /projects/{id}/assignments", () => {
  it("hands out round-robin, balanced (counts differ by at most 1), never twice on one document", async () => {
    const { owner, users, projectId, documentIds } = await setup(5);
    const userIds = users.map((u) => u.id);
    const result = await call("POST", `/api/v1/projects/${projectId}/assignments`, {
      token: owner.token,
      body: { perDocument: 2, userIds },
    });
    expect(result.status).toBe(200);
    expect(result.body.created).toBe(10);
    const perUser = await Promise.all(userIds.map((id) => count("SELECT count(*) FROM assignments WHERE user_id = $1", [id])));
    expect(perUser.reduce((a, b) => a + b)).toBe(10);
    expect(Math.max(...perUser) - Math.min(...perUser)).toBeLessThanOrEqual(1);
    for (const id of documentIds) expect(await count("SELECT count(*) FROM assignments WHERE document_id = $1", [id])).toBe(2);
    // Again: every document is staffed, nothing more is added.
    const again = await call("POST", `/api/v1/projects/${projectId}/assignments`, {
      token: owner.token,
      body: { perDocument: 2, userIds },
    });
    expect(again.body.created).toBe(0);
  });

  it("counts existing assignments: a user who already has work gets less", async () => {
    const { owner, users, projectId, documentIds } = await setup(4);
    const a = users[0]!;
    const b = users[1]!;
    await call("PUT", `/api/v1/documents/${documentIds[0]}/assignees`, { token: owner.token, body: { userIds: [a.id] } });
    await call("PUT", `/api/v1/documents/${documentIds[1]}/assignees`, { token: owner.token, body: { userIds: [a.id] } });
    const result = await call("POST", `/api/v1/projects/${projectId}/assignments`, {
      token: owner.token,
      body: { perDocument: 1, userIds: [a.id, b.id], documentIds: [documentIds[2], documentIds[3]] },
    });
    expect(result.body.created).toBe(2);
    expect(await count("SELECT count(*) FROM assignments WHERE user_id = $1", [b.id])).toBe(2);
    expect(await count("SELECT count(*) FROM assignments WHERE user_id = $1", [a.id])).toBe(2);
  });

  it("422 for perDocument above the users named, for non-members and for other projects' documents; 403 for non-owners", async () => {
    const { owner, users, projectId } = await setup(2);
    const other = await newProjectWithDocument(owner);
    const path = `/api/v1/projects/${projectId}/assignments`;
    const tooMany = await call("POST", path, { token: owner.token, body: { perDocument: 3, userIds: [users[0]!.id, users[1]!.id] } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.details.fields.perDocument).toBeDefined();
    const foreign = await call("POST", path, {
      token: owner.token,
      body: { perDocument: 1, userIds: [users[0]!.id], documentIds: [other.documentId] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.fields.documentIds).toContain(other.documentId);
    expect((await call("POST", path, { token: users[0]!.token, body: { perDocument: 1, userIds: [users[0]!.id] } })).status).toBe(403);
    expect(await count("SELECT count(*) FROM assignments WHERE project_id = $1", [projectId])).toBe(0);
  });
});

describe("done and the queue", () => {
  it("moves todo → in_progress (own annotation) → done and back; done on an unassigned document creates the assignment", async () => {
    const { owner, users, viewer, projectId, documentIds } = await setup(2);
    const a = users[0]!;
    await call("PUT", `/api/v1/documents/${documentIds[0]}/assignees`, { token: owner.token, body: { userIds: [a.id] } });
    const queue = async () =>
      (await call("GET", "/api/v1/me/queue", { token: a.token })).body.queue as {
        documentId: string;
        state: string;
        projectName: string;
        documentTitle: string;
      }[];
    expect(await queue()).toEqual([
      expect.objectContaining({ documentId: documentIds[0], state: "todo", documentTitle: "Doc 0", projectName: "Project Doc 0" }),
    ]);

    await call("POST", `/api/v1/documents/${documentIds[0]}/annotations`, { token: a.token, body: { label: "quote", start: 19, end: 24 } });
    expect((await queue())[0]!.state).toBe("in_progress");
    const done = await call("POST", `/api/v1/documents/${documentIds[0]}/done`, { token: a.token });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe("done");
    expect((await queue())[0]!.state).toBe("done");
    const undone = await call("DELETE", `/api/v1/documents/${documentIds[0]}/done`, { token: a.token });
    expect(undone.body.state).toBe("in_progress");

    // Unassigned: DELETE is 404, POST creates the assignment, already done.
    expect((await call("DELETE", `/api/v1/documents/${documentIds[1]}/done`, { token: a.token })).status).toBe(404);
    expect((await call("POST", `/api/v1/documents/${documentIds[1]}/done`, { token: a.token })).body.state).toBe("done");
    expect((await queue()).map((q) => q.documentId)).toEqual([documentIds[0], documentIds[1]]);
    // Viewers do no work to mark.
    expect((await call("POST", `/api/v1/documents/${documentIds[1]}/done`, { token: viewer.token })).status).toBe(403);
    // Another user's queue is their own.
    expect((await call("GET", "/api/v1/me/queue", { token: users[1]!.token })).body.queue).toEqual([]);
    // The project's list shows who is where.
    const list = await call("GET", `/api/v1/projects/${projectId}/assignments`, { token: users[1]!.token });
    expect(list.body.documents).toHaveLength(2);
  });

  it("pages the queue across projects", async () => {
    const first = await setup(3);
    const a = first.users[0]!;
    await call("POST", `/api/v1/projects/${first.projectId}/assignments`, {
      token: first.owner.token,
      body: { perDocument: 1, userIds: [a.id] },
    });
    const other = await newProjectWithDocument(first.owner, "Elsewhere.", "Other doc");
    await addMember(first.owner, other.projectId, a, "annotator");
    await call("PUT", `/api/v1/documents/${other.documentId}/assignees`, { token: first.owner.token, body: { userIds: [a.id] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { queue: { documentId: string }[]; nextCursor: string | null } } = await call(
        "GET",
        `/api/v1/me/queue?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { token: a.token },
      );
      seen.push(...page.body.queue.map((q) => q.documentId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...first.documentIds, other.documentId].sort());
  });

  it("writes assignment.updated events that the project stream carries", async () => {
    const { owner, users, projectId, documentIds } = await setup(1);
    await call("PUT", `/api/v1/documents/${documentIds[0]}/assignees`, { token: owner.token, body: { userIds: [users[0]!.id] } });
    expect(await count("SELECT count(*) FROM change_events WHERE project_id = $1 AND kind = 'assignment.updated'", [projectId])).toBe(1);
  });
});
