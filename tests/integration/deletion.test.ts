// Deleting a document (owners; its annotations and comments with it, one event, history kept) and
// a project (owners, with its name typed again; everything in it).

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { count } from "../helpers/db";

async function setup() {
  const owner = await newUser("owner");
  const annotator = await newUser("annotator");
  const { projectId, documentId } = await newProjectWithDocument(owner, "The minister said “we will act”.", "To delete");
  await addMember(owner, projectId, annotator, "annotator");
  const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Minister" } });
  const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
    token: annotator.token,
    body: { label: "quote", start: 18, end: 31, speakerId: speaker.body.id },
  });
  await call("POST", `/api/v1/annotations/${annotation.body.id}/comments`, { token: annotator.token, body: { body: "source?" } });
  return { owner, annotator, projectId, documentId, annotationId: annotation.body.id as string };
}

describe("deleting a document", () => {
  it("is for owners; takes its annotations and comments, records one event and keeps their history", async () => {
    const { owner, annotator, projectId, documentId, annotationId } = await setup();
    const outsider = await newUser("outsider");
    expect((await call("DELETE", `/api/v1/documents/${documentId}`, { token: annotator.token })).status).toBe(403);
    expect((await call("DELETE", `/api/v1/documents/${documentId}`, { token: outsider.token })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/documents/${documentId}`, { token: owner.token })).status).toBe(204);
    expect((await call("GET", `/api/v1/documents/${documentId}`, { token: owner.token })).status).toBe(404);
    expect(await count("SELECT count(*) FROM annotations WHERE document_id = $1", [documentId])).toBe(0);
    expect(await count("SELECT count(*) FROM comments WHERE document_id = $1", [documentId])).toBe(0);
    const events = await count(
      "SELECT count(*) FROM change_events WHERE kind = 'document.deleted' AND subject_id = $1 AND before->>'title' = 'To delete'",
      [documentId],
    );
    expect(events).toBe(1);
    const history = await call("GET", `/api/v1/annotations/${annotationId}/history`, { token: owner.token });
    expect(history.status).toBe(200);
    expect(history.body.history[0].action).toBe("create");
    expect((await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token })).body.documents).toEqual([]);
    expect((await call("DELETE", `/api/v1/documents/${documentId}`, { token: owner.token })).status).toBe(404);
  });
});

describe("deleting a project", () => {
  it("needs the owner and the project's name typed again, then removes everything in it", async () => {
    const { owner, annotator, projectId } = await setup();
    expect(
      (await call("DELETE", `/api/v1/projects/${projectId}`, { token: annotator.token, body: { confirm: `Project To delete` } })).status,
    ).toBe(403);
    expect(
      (await call("DELETE", `/api/v1/projects/${projectId}`, { token: owner.token, body: { confirm: "project to delete" } })).status,
    ).toBe(422);
    expect((await call("DELETE", `/api/v1/projects/${projectId}`, { token: owner.token, body: {} })).status).toBe(422);
    expect(
      (await call("DELETE", `/api/v1/projects/${projectId}`, { token: owner.token, body: { confirm: "Project To delete" } })).status,
    ).toBe(204);
    expect((await call("GET", `/api/v1/projects/${projectId}`, { token: owner.token })).status).toBe(404);
    for (const table of ["documents", "annotations", "speakers", "memberships", "comments"]) {
      expect(await count(`SELECT count(*) FROM ${table} WHERE project_id = $1`, [projectId]), table).toBe(0);
    }
    expect(
      (await call("GET", "/api/v1/projects", { token: annotator.token })).body.projects.some((p: { id: string }) => p.id === projectId),
    ).toBe(false);
  });
});
