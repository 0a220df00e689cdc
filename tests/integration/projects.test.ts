// Projects and members: creation, listing, the owner-only member routes, and 404 (never 403) for
// callers who are not members, on every project-scoped route.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { snapshotCounts } from "../helpers/db";

describe("projects", () => {
  it("creates a project owned by the caller and lists only the caller's projects", async () => {
    const alice = await newUser("alice");
    const bob = await newUser("bob");
    const created = await call("POST", "/api/v1/projects", { token: alice.token, body: { name: "  Election claims  " } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Election claims", role: "owner" });
    expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const got = await call("GET", `/api/v1/projects/${created.body.id}`, { token: alice.token });
    expect(got.body).toEqual(created.body);
    const aliceList = await call("GET", "/api/v1/projects", { token: alice.token });
    expect(aliceList.body.projects.map((p: { id: string }) => p.id)).toContain(created.body.id);
    const bobList = await call("GET", "/api/v1/projects", { token: bob.token });
    expect(bobList.body.projects.map((p: { id: string }) => p.id)).not.toContain(created.body.id);
  });

  it("rejects a missing or empty name with 422 and malformed JSON with 400", async () => {
    const user = await newUser();
    const before = await snapshotCounts();
    const empty = await call("POST", "/api/v1/projects", { token: user.token, body: { name: "   " } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details.fields).toHaveProperty("name");
    const wrongType = await call("POST", "/api/v1/projects", { token: user.token, body: { name: 42 } });
    expect(wrongType.status).toBe(422);
    const unknownField = await call("POST", "/api/v1/projects", { token: user.token, body: { name: "x", colour: "red" } });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.details.fields.colour).toBe("unknown field");
    const malformed = await call("POST", "/api/v1/projects", {
      token: user.token,
      raw: '{"name": "x",',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe("members", () => {
  it("invites by email (owners only), answering the same whether or not the account exists; joining takes the invitee's consent", async () => {
    const owner = await newUser("owner");
    const reviewer = await newUser("reviewer");
    const third = await newUser("third");
    const { projectId } = await newProjectWithDocument(owner);
    const invite = (email: string, role: string, token = owner.token) =>
      call("POST", `/api/v1/projects/${projectId}/members`, { token, body: { email, role } });

    const invited = await invite(reviewer.email.toUpperCase(), "reviewer");
    expect(invited.status).toBe(202);
    expect(invited.body).toMatchObject({
      email: reviewer.email,
      role: "reviewer",
      project: { id: projectId },
      invitedBy: { id: owner.id },
    });
    // Not a member until they accept.
    expect((await call("GET", `/api/v1/projects/${projectId}`, { token: reviewer.token })).status).toBe(404);
    const nobody = await invite("nobody-here@example.test", "viewer");
    expect(nobody.status).toBe(202);
    expect(Object.keys(nobody.body).sort()).toEqual(Object.keys(invited.body).sort()); // no hint whether an account exists

    const waiting = await call("GET", "/api/v1/me/invitations", { token: reviewer.token });
    expect(waiting.body.invitations.map((i: { id: string }) => i.id)).toEqual([invited.body.id]);
    expect((await call("POST", `/api/v1/invitations/${invited.body.id}/accept`, { token: third.token })).status).toBe(404); // not theirs
    const accepted = await call("POST", `/api/v1/invitations/${invited.body.id}/accept`, { token: reviewer.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ userId: reviewer.id, role: "reviewer" });
    expect((await call("GET", `/api/v1/projects/${projectId}`, { token: reviewer.token })).body.role).toBe("reviewer");
    expect((await call("POST", `/api/v1/invitations/${invited.body.id}/accept`, { token: reviewer.token })).status).toBe(404); // used up

    expect((await invite(third.email, "viewer", reviewer.token)).status).toBe(403);
    const pending = await call("GET", `/api/v1/projects/${projectId}/invitations`, { token: owner.token });
    expect(pending.body.invitations.map((i: { email: string }) => i.email)).toEqual(["nobody-here@example.test"]);
    expect((await call("GET", `/api/v1/projects/${projectId}/invitations`, { token: reviewer.token })).status).toBe(403);

    // Declined by the invitee, or cancelled by an owner.
    const declined = await invite(third.email, "viewer");
    expect((await call("DELETE", `/api/v1/invitations/${declined.body.id}`, { token: reviewer.token })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/invitations/${declined.body.id}`, { token: third.token })).status).toBe(204);
    expect((await call("DELETE", `/api/v1/invitations/${nobody.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await call("GET", `/api/v1/projects/${projectId}/invitations`, { token: owner.token })).body.invitations).toEqual([]);

    const badRole = await invite(third.email, "admin");
    expect(badRole.status).toBe(422);
    expect(badRole.body.error.details.fields).toHaveProperty("role");
    const members = await call("GET", `/api/v1/projects/${projectId}/members`, { token: reviewer.token });
    expect(members.body.members.map((m: { role: string }) => m.role).sort()).toEqual(["owner", "reviewer"]);
  });

  it("keeps at least one owner", async () => {
    const owner = await newUser("sole-owner");
    const { projectId } = await newProjectWithDocument(owner);
    const demote = await call("PATCH", `/api/v1/projects/${projectId}/members/${owner.id}`, {
      token: owner.token,
      body: { role: "viewer" },
    });
    expect(demote.status).toBe(409);
    const other = await newUser("co-owner");
    await addMember(owner, projectId, other, "owner");
    const ok = await call("PATCH", `/api/v1/projects/${projectId}/members/${owner.id}`, {
      token: owner.token,
      body: { role: "viewer" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.role).toBe("viewer");
  });
});

describe("non-members get 404 everywhere, never 403", () => {
  it("cannot see or touch any part of another team's project", async () => {
    const owner = await newUser("owner");
    const outsider = await newUser("outsider");
    const { projectId, documentId } = await newProjectWithDocument(owner, "Hello world, said the speaker.");
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Speaker" } });
    const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: 0, end: 5 },
    });
    const before = await snapshotCounts();
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/projects/${projectId}`],
      ["GET", `/api/v1/projects/${projectId}/members`],
      ["POST", `/api/v1/projects/${projectId}/members`, { email: outsider.email, role: "owner" }],
      ["GET", `/api/v1/projects/${projectId}/documents`],
      ["POST", `/api/v1/projects/${projectId}/documents`, { title: "x", text: "y" }],
      ["GET", `/api/v1/projects/${projectId}/speakers`],
      ["POST", `/api/v1/projects/${projectId}/speakers`, { name: "Intruder" }],
      ["GET", `/api/v1/projects/${projectId}/export?format=json`],
      ["GET", `/api/v1/documents/${documentId}`],
      ["GET", `/api/v1/documents/${documentId}/annotations`],
      ["POST", `/api/v1/documents/${documentId}/annotations`, { label: "claim", start: 0, end: 5 }],
      ["GET", `/api/v1/speakers/${speaker.body.id}`],
      ["PATCH", `/api/v1/speakers/${speaker.body.id}`, { name: "Renamed" }],
      ["GET", `/api/v1/annotations/${annotation.body.id}`],
      ["PATCH", `/api/v1/annotations/${annotation.body.id}`, { version: 1, note: "mine now" }],
      ["DELETE", `/api/v1/annotations/${annotation.body.id}`],
      ["GET", `/api/v1/annotations/${annotation.body.id}/history`],
    ];
    for (const [method, path, body] of attempts) {
      const result = await call(method, path, { token: outsider.token, body });
      expect(result.status, `${method} ${path}`).toBe(404);
      expect(result.body.error.code, `${method} ${path}`).toBe("not_found");
    }
    expect(await snapshotCounts()).toEqual(before);
    // The same 404 as for ids that do not exist at all.
    const missing = await call("GET", "/api/v1/projects/00000000-0000-0000-0000-000000000000", { token: outsider.token });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual((await call("GET", `/api/v1/projects/${projectId}`, { token: outsider.token })).body);
  });
});
