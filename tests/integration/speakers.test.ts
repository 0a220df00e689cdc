// Speakers: unique names per project ignoring case, search by name or alias, partial updates.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { snapshotCounts } from "../helpers/db";

describe("speakers", () => {
  it("creates, finds by name or alias (any case) and updates a speaker", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    const created = await call("POST", `/api/v1/projects/${projectId}/speakers`, {
      token: owner.token,
      body: { name: "Zhao Lijian", aliases: ["Zhao", "zhao lijian", "赵立坚"], kind: "person", description: "Foreign ministry spokesman" },
    });
    expect(created.status).toBe(201);
    // An alias equal to the name is dropped.
    expect(created.body).toMatchObject({ name: "Zhao Lijian", aliases: ["Zhao", "赵立坚"], kind: "person", annotationCount: 0 });
    await call("POST", `/api/v1/projects/${projectId}/speakers`, {
      token: owner.token,
      body: { name: "Japanese Ministry of Defense", aliases: ["JMOD"], kind: "organization" },
    });
    const byAlias = await call("GET", `/api/v1/projects/${projectId}/speakers?q=jmod`, { token: owner.token });
    expect(byAlias.body.speakers.map((s: { name: string }) => s.name)).toEqual(["Japanese Ministry of Defense"]);
    const byName = await call("GET", `/api/v1/projects/${projectId}/speakers?q=LIJIAN`, { token: owner.token });
    expect(byName.body.speakers.map((s: { name: string }) => s.name)).toEqual(["Zhao Lijian"]);
    const byCjkAlias = await call("GET", `/api/v1/projects/${projectId}/speakers?q=${encodeURIComponent("立坚")}`, { token: owner.token });
    expect(byCjkAlias.body.speakers).toHaveLength(1);
    const wildcard = await call("GET", `/api/v1/projects/${projectId}/speakers?q=%25`, { token: owner.token });
    expect(wildcard.body.speakers).toHaveLength(0);
    const all = await call("GET", `/api/v1/projects/${projectId}/speakers`, { token: owner.token });
    expect(all.body.speakers).toHaveLength(2);

    const patched = await call("PATCH", `/api/v1/speakers/${created.body.id}`, {
      token: owner.token,
      body: { aliases: ["Zhao", "Lijian Zhao"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Zhao Lijian",
      aliases: ["Zhao", "Lijian Zhao"],
      description: "Foreign ministry spokesman",
    });
  });

  it("refuses a duplicate name ignoring case and spacing with 409, on create and rename", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Jiro Minier" } });
    const other = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Abe Shinzo" } });
    const before = await snapshotCounts();
    const dup = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "jiro   MINIER" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");
    const rename = await call("PATCH", `/api/v1/speakers/${other.body.id}`, { token: owner.token, body: { name: "JIRO minier" } });
    expect(rename.status).toBe(409);
    expect(await snapshotCounts()).toEqual(before);
    expect((await call("GET", `/api/v1/speakers/${other.body.id}`, { token: owner.token })).body.name).toBe("Abe Shinzo");
    // Another project may use the same name.
    const { projectId: otherProject } = await newProjectWithDocument(owner);
    expect(
      (await call("POST", `/api/v1/projects/${otherProject}/speakers`, { token: owner.token, body: { name: "Jiro Minier" } })).status,
    ).toBe(201);
  });

  it("validates input (422) and roles (viewers 403)", async () => {
    const owner = await newUser("owner");
    const viewer = await newUser("viewer");
    const { projectId } = await newProjectWithDocument(owner);
    await addMember(owner, projectId, viewer, "viewer");
    const before = await snapshotCounts();
    for (const body of [{}, { name: "" }, { name: "X", kind: "robot" }, { name: "X", aliases: "Zhao" }, { name: "X", aliases: [""] }]) {
      const result = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body });
      expect(result.status, JSON.stringify(body)).toBe(422);
    }
    const emptyPatch = await call("PATCH", `/api/v1/speakers/${"x"}`, { token: owner.token, body: {} });
    expect(emptyPatch.status).toBe(404);
    expect((await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: viewer.token, body: { name: "Y" } })).status).toBe(403);
    expect(await snapshotCounts()).toEqual(before);
  });
});
