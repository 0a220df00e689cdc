// Every list route pages by an opaque cursor (limit default 100, at most 1,000): pages cover the
// list once, stay right while rows are added, and a document's annotations without a limit come
// whole, streamed.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { rows } from "../helpers/db";

async function walk(user: TestUser, path: string, key: string, limit: number, between?: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `${path.includes("?") ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: { status: number; text: string; body: any } = await call("GET", `${path}${query}`, { token: user.token });
    expect(page.status, page.text).toBe(200);
    expect(page.body[key].length).toBeLessThanOrEqual(limit);
    seen.push(...page.body[key].map((item: { id?: string; userId?: string }) => item.id ?? item.userId));
    cursor = page.body.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

describe("list routes", () => {
  it("page documents, speakers, members, projects and comments without repeats or gaps", async () => {
    const owner = await newUser("pager");
    const { projectId, documentId } = await newProjectWithDocument(owner, "Some text to annotate here.");
    for (let i = 0; i < 6; i++) {
      await call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body: { title: `Doc ${i}`, text: "x" } });
      await call("POST", `/api/v1/projects/${projectId}/speakers`, {
        token: owner.token,
        body: { name: `Speaker ${String.fromCharCode(65 + i)}` },
      });
      await addMember(owner, projectId, await newUser(`member${i}`), "viewer");
      await call("POST", "/api/v1/projects", { token: owner.token, body: { name: `Other ${i}` } });
    }
    const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: 0, end: 4 },
    });
    for (let i = 0; i < 5; i++)
      await call("POST", `/api/v1/annotations/${annotation.body.id}/comments`, { token: owner.token, body: { body: `c${i}` } });

    const all = async (path: string, key: string) =>
      (await call("GET", path, { token: owner.token })).body[key].map((x: { id?: string; userId?: string }) => x.id ?? x.userId);
    for (const [path, key] of [
      [`/api/v1/projects/${projectId}/documents`, "documents"],
      [`/api/v1/projects/${projectId}/speakers`, "speakers"],
      [`/api/v1/projects/${projectId}/members`, "members"],
      ["/api/v1/projects", "projects"],
      [`/api/v1/annotations/${annotation.body.id}/comments`, "comments"],
    ] as const) {
      const whole = await all(path, key);
      expect(whole.length, path).toBeGreaterThanOrEqual(5);
      expect(await walk(owner, path, key, 2), path).toEqual(whole);
    }
  });

  it("stay right while rows are added between pages", async () => {
    const owner = await newUser("pager2");
    const { projectId } = await newProjectWithDocument(owner, "x");
    for (let i = 0; i < 6; i++)
      await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: `M${i}` } });
    let n = 0;
    const seen = await walk(owner, `/api/v1/projects/${projectId}/speakers`, "speakers", 2, () =>
      // One before every page's end ("A…" sorts first) and one after ("Z…" sorts last).
      Promise.all([
        call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: `A${n}` } }),
        call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: `Z${n++}` } }),
      ]),
    );
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    const names = (await rows<{ id: string; name: string }>("SELECT id, name FROM speakers WHERE project_id = $1", [projectId])).filter(
      (r) => /^M/.test(r.name),
    );
    for (const { id } of names) expect(seen).toContain(id); // nothing that was there is skipped
  });

  it("refuse a bad cursor or limit with 400", async () => {
    const owner = await newUser("pager3");
    const { projectId } = await newProjectWithDocument(owner, "x");
    for (const query of ["?cursor=garbage", "?limit=0", "?limit=1001", "?limit=ten"]) {
      expect((await call("GET", `/api/v1/projects/${projectId}/documents${query}`, { token: owner.token })).status, query).toBe(400);
    }
  });

  it("give a document's annotations whole without a limit (streamed), or a page with one", async () => {
    const owner = await newUser("pager4");
    const { documentId } = await newProjectWithDocument(owner, "word ".repeat(1000));
    await rows(
      `INSERT INTO annotations (id, project_id, document_id, label, start, "end", exact, prefix, suffix, author_id)
       SELECT gen_random_uuid()::text, d.project_id, d.id, 'claim', i, i + 1, substr(d.text, i + 1, 1), '', '', $2
         FROM documents d, generate_series(0, 2499) AS i WHERE d.id = $1`,
      [documentId, owner.id],
    );
    const whole = await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token });
    expect(whole.body.annotations).toHaveLength(2500);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.annotations.map((a: { start: number }) => a.start)).toEqual([...Array(2500).keys()]);
    const page = await call("GET", `/api/v1/documents/${documentId}/annotations?limit=1000`, { token: owner.token });
    expect(page.body.annotations).toHaveLength(1000);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });
});
