// Exports hold a database connection while they run: a user gets a few at once (429 with
// Retry-After beyond), and a finished or abandoned export gives its place back.

import { describe, expect, it } from "vitest";
import { MAX_EXPORTS_PER_USER } from "@/lib/export/export-stream";
import { dispatchRaw, newProjectWithDocument, newUser } from "../helpers/api";

describe("concurrent exports", () => {
  it("are capped per user; cancelling one frees its place", async () => {
    const owner = await newUser("exporter");
    const { projectId } = await newProjectWithDocument(owner);
    const path = `/api/v1/projects/${projectId}/export?format=jsonl`;
    const open: Response[] = [];
    for (let i = 0; i < MAX_EXPORTS_PER_USER; i++) {
      const response = await dispatchRaw("GET", path, { token: owner.token });
      expect(response.status).toBe(200);
      open.push(response);
    }
    const refused = await dispatchRaw("GET", path, { token: owner.token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user is not affected.
    const other = await newUser("other-exporter");
    const theirs = await newProjectWithDocument(other);
    const allowed = await dispatchRaw("GET", `/api/v1/projects/${theirs.projectId}/export?format=csv`, { token: other.token });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("annotation_id");
    // A finished export and a cancelled one give their places back.
    expect(await (open.pop() as Response).text()).toBe("");
    await (open.pop() as Response).body?.cancel();
    for (let i = 0; i < 2; i++) expect((await dispatchRaw("GET", path, { token: owner.token })).status).toBe(200);
  });
});
