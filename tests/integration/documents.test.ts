// Documents: import rules (text frozen, CRLF → LF, code point length), size limits, validation.

import { describe, expect, it } from "vitest";
import { addMember, call, newProjectWithDocument, newUser } from "../helpers/api";
import { count, snapshotCounts } from "../helpers/db";

describe("documents", () => {
  it("stores the text with LF line endings and its length in code points", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    const text = "Line one 🚢\r\nLine two: 中国\rمرحبا e\u0301";
    const created = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Mixed", text, sourceUrl: "https://news.example/a?b=1", byline: " Hana Sato ", publishedAt: "2022-11-04" },
    });
    expect(created.status).toBe(201);
    const expected = "Line one 🚢\nLine two: 中国\nمرحبا e\u0301";
    expect(created.body.text).toBe(expected);
    expect(created.body.length).toBe(Array.from(expected).length);
    expect(created.body.publishedAt).toBe("2022-11-04T00:00:00.000Z");
    const got = await call("GET", `/api/v1/documents/${created.body.id}`, { token: owner.token });
    expect(got.body).toEqual({
      id: created.body.id,
      projectId,
      title: "Mixed",
      text: expected,
      length: Array.from(expected).length,
      sourceUrl: "https://news.example/a?b=1",
      byline: "Hana Sato",
      language: null,
      publishedAt: "2022-11-04T00:00:00.000Z",
      createdAt: created.body.createdAt,
    });
    const list = await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token });
    const summary = list.body.documents.find((d: { id: string }) => d.id === created.body.id);
    expect(summary).toEqual({
      id: created.body.id,
      title: "Mixed",
      sourceUrl: "https://news.example/a?b=1",
      publishedAt: "2022-11-04T00:00:00.000Z",
      language: null,
      length: Array.from(expected).length,
      annotationCount: 0,
      createdAt: created.body.createdAt,
    });
  });

  it("accepts a 5 MB article", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    const paragraph = "The ministry said “we will formally join” 🚢 and analysts disagreed. 日本語のテキスト。\n";
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph)));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const created = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Long read", text },
    });
    expect(created.status).toBe(201);
    expect(created.body.length).toBe(Array.from(text).length);
  });

  it("refuses a body over the limit with 413 and writes nothing", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    const before = await snapshotCounts();
    const huge = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Too big", text: "x".repeat(33 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    expect(await snapshotCounts()).toEqual(before);
  });

  it("validates fields with 422 and writes nothing", async () => {
    const owner = await newUser();
    const { projectId } = await newProjectWithDocument(owner);
    const before = await snapshotCounts();
    const cases: [unknown, string][] = [
      [{ title: "t" }, "text"],
      [{ title: "", text: "x" }, "title"],
      [{ title: "t", text: 12 }, "text"],
      [{ title: "t", text: "x", sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
      [{ title: "t", text: "x", publishedAt: "last tuesday" }, "publishedAt"],
      [{ title: "t", text: "nul \u0000 inside" }, "text"],
      [{ title: "t", text: "lone \ud83d surrogate" }, "text"],
      [{ title: "t", text: "x", language: "English (UK)" }, "language"],
      [{ title: "t", text: "x", language: "en_GB" }, "language"],
      [{ title: "t", text: "x", language: 7 }, "language"],
    ];
    for (const [body, field] of cases) {
      const result = await call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body });
      expect(result.status, JSON.stringify(body)).toBe(422);
      expect(result.body.error.details.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it("lets annotators import documents but not viewers (403)", async () => {
    const owner = await newUser("owner");
    const annotator = await newUser("annotator");
    const viewer = await newUser("viewer");
    const { projectId } = await newProjectWithDocument(owner);
    await addMember(owner, projectId, annotator, "annotator");
    await addMember(owner, projectId, viewer, "viewer");
    const byAnnotator = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: annotator.token,
      body: { title: "By annotator", text: "text" },
    });
    expect(byAnnotator.status).toBe(201);
    const before = await count("SELECT count(*) FROM documents WHERE project_id = $1", [projectId]);
    const byViewer = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: viewer.token,
      body: { title: "By viewer", text: "text" },
    });
    expect(byViewer.status).toBe(403);
    expect(await count("SELECT count(*) FROM documents WHERE project_id = $1", [projectId])).toBe(before);
    expect((await call("GET", `/api/v1/projects/${projectId}/documents`, { token: viewer.token })).status).toBe(200);
  });

  it("keeps a document's language as a canonical BCP 47 tag, set on create and changed with PATCH", async () => {
    const owner = await newUser("language");
    const viewer = await newUser("language-viewer");
    const { projectId } = await newProjectWithDocument(owner);
    await addMember(owner, projectId, viewer, "viewer");
    const created = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Relatório", text: "O ministro disse que vai agir.", language: "PT-br" },
    });
    expect(created.status).toBe(201);
    expect(created.body.language).toBe("pt-BR");
    const id = created.body.id as string;
    const patched = await call("PATCH", `/api/v1/documents/${id}`, { token: owner.token, body: { language: "zh-hant-tw" } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, language: "zh-Hant-TW", text: "O ministro disse que vai agir." });
    const history = await count("SELECT count(*) FROM change_events WHERE subject_id = $1 AND kind = 'document.updated'", [id]);
    expect(history).toBe(1);
    // Refused: not a tag, a field that cannot change, a viewer; nothing changes.
    const bad = await call("PATCH", `/api/v1/documents/${id}`, { token: owner.token, body: { language: "Portuguese!" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields).toHaveProperty("language");
    expect((await call("PATCH", `/api/v1/documents/${id}`, { token: owner.token, body: { text: "new" } })).status).toBe(422);
    expect((await call("PATCH", `/api/v1/documents/${id}`, { token: viewer.token, body: { language: "en" } })).status).toBe(403);
    expect((await call("GET", `/api/v1/documents/${id}`, { token: owner.token })).body.language).toBe("zh-Hant-TW");
    const cleared = await call("PATCH", `/api/v1/documents/${id}`, { token: owner.token, body: { language: null } });
    expect(cleared.body.language).toBeNull();
  });
});
