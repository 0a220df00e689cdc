// Suggestions for documents as they are added: asked for (`suggest` on POST …/documents and
// from-url, ?suggest=true on an import) or always, with the project's autoSuggest setting (PATCH
// /projects/{id}, owners); and the demo project, which has it on, so its article opens with its
// quotes and speakers proposed.

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTransaction } from "@/lib/db/transaction";
import { claimDemoProject } from "@/lib/demo/demo-project";
import { addMember, call, newUser, type TestUser } from "../helpers/api";

const TEXT = [
  "Zhao Lijian, the spokesman of the Chinese Foreign Ministry, spoke on Monday.",
  "“We will not back down,” he said.",
  "Maria Lopez stressed that the talks would resume next week.",
].join("\n");

interface Suggestion {
  id: string;
  start: number;
  end: number;
  exact: string;
  speaker: { id: string } | { newName: string } | null;
}

async function newProject(owner: TestUser, name = "Suggest on add") {
  return (await call("POST", "/api/v1/projects", { token: owner.token, body: { name } })).body.id as string;
}

async function addDocument(owner: TestUser, projectId: string, extra: Record<string, unknown> = {}) {
  const created = await call("POST", `/api/v1/projects/${projectId}/documents`, {
    token: owner.token,
    body: { title: "Talks", text: TEXT, ...extra },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function suggestionsOf(user: TestUser, documentId: string): Promise<Suggestion[]> {
  const listed = await call<{ suggestions: Suggestion[] }>("GET", `/api/v1/documents/${documentId}/suggestions`, { token: user.token });
  expect(listed.status).toBe(200);
  return listed.body.suggestions;
}

describe("suggestions for added documents", () => {
  it("are computed when a document is created with suggest: true, and not otherwise", async () => {
    const owner = await newUser("suggest-create");
    const projectId = await newProject(owner);
    const plain = await addDocument(owner, projectId);
    expect(await suggestionsOf(owner, plain)).toEqual([]);

    const suggested = await addDocument(owner, projectId, { suggest: true });
    const list = await suggestionsOf(owner, suggested);
    expect(list.map((s) => s.exact)).toEqual(["We will not back down,", "the talks would resume next week"]);
    expect(list[0]?.speaker).toMatchObject({ newName: "Zhao Lijian" });
    // An annotation made since over one of them: it is not listed any more (nor shown).
    const over = await call("POST", `/api/v1/documents/${suggested}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: list[1]!.start + 4, end: list[1]!.start + 9 },
    });
    expect(over.status).toBe(201);
    expect((await suggestionsOf(owner, suggested)).map((s) => s.exact)).toEqual(["We will not back down,"]);

    const bad = await call("POST", `/api/v1/projects/${projectId}/documents`, {
      token: owner.token,
      body: { title: "Talks", text: TEXT, suggest: "yes" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.fields).toHaveProperty("suggest");
  });

  it("autoSuggest: owners turn it on, and every document created afterwards gets suggestions", async () => {
    const owner = await newUser("auto-owner");
    const annotator = await newUser("auto-annotator");
    const outsider = await newUser("auto-outsider");
    const projectId = await newProject(owner);
    await addMember(owner, projectId, annotator, "annotator");
    const settings = `/api/v1/projects/${projectId}`;

    expect((await call("GET", settings, { token: owner.token })).body.autoSuggest).toBe(false);
    expect((await call("PATCH", settings, { token: annotator.token, body: { autoSuggest: true } })).status).toBe(403);
    expect((await call("PATCH", settings, { token: outsider.token, body: { autoSuggest: true } })).status).toBe(404);
    const typo = await call("PATCH", settings, { token: owner.token, body: { autoSugest: true } });
    expect(typo.status).toBe(422);
    expect(typo.body.error.details.fields).toEqual({ autoSugest: "unknown field" });
    expect((await call("PATCH", settings, { token: owner.token, body: { autoSuggest: "on" } })).status).toBe(422);
    expect((await call("GET", settings, { token: owner.token })).body.autoSuggest).toBe(false);

    const changed = await call("PATCH", settings, { token: owner.token, body: { autoSuggest: true } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: projectId, autoSuggest: true, role: "owner" });
    // An empty body changes nothing.
    expect((await call("PATCH", settings, { token: owner.token, body: {} })).body.autoSuggest).toBe(true);
    const listed = await call("GET", "/api/v1/projects", { token: annotator.token });
    expect(listed.body.projects.find((p: { id: string }) => p.id === projectId)).toMatchObject({ autoSuggest: true, role: "annotator" });

    // An annotator's document, without asking.
    const documentId = await addDocument(annotator, projectId);
    expect(await suggestionsOf(annotator, documentId)).toHaveLength(2);

    expect((await call("PATCH", settings, { token: owner.token, body: { autoSuggest: false } })).body.autoSuggest).toBe(false);
    expect(await suggestionsOf(owner, await addDocument(owner, projectId))).toEqual([]);
  });

  it("an import with ?suggest=true (or into an autoSuggest project) gives the documents it creates suggestions, after their annotations", async () => {
    const owner = await newUser("suggest-import");
    const source = await newProject(owner, "Source");
    const documentId = await addDocument(owner, source);
    // An annotation over the direct quote: the import brings it, and no suggestion may overlap it.
    const quote = { start: [...TEXT].indexOf("W"), end: [...TEXT].indexOf("W") + "We will not back down,".length };
    const annotated = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "quote", ...quote, speakerId: null },
    });
    expect(annotated.status).toBe(201);
    const exported = await call("GET", `/api/v1/projects/${source}/export?format=json`, { token: owner.token });

    const importInto = async (projectId: string, query: string) => {
      const report = await call("POST", `/api/v1/projects/${projectId}/import?format=json${query}`, {
        token: owner.token,
        raw: exported.text,
      });
      expect(report.status).toBe(200);
      const documents = await call("GET", `/api/v1/projects/${projectId}/documents`, { token: owner.token });
      return { report: report.body, documentId: documents.body.documents[0].id as string };
    };

    const asked = await importInto(await newProject(owner, "Asked"), "&suggest=true");
    expect(asked.report.documents).toEqual({ created: 1, failed: 0, alreadyPresent: 0, suggested: 1 });
    expect(asked.report.annotations.created).toBe(1);
    expect((await suggestionsOf(owner, asked.documentId)).map((s) => s.exact)).toEqual(["the talks would resume next week"]);

    const plain = await importInto(await newProject(owner, "Plain"), "");
    expect(plain.report.documents).toEqual({ created: 1, failed: 0, alreadyPresent: 0 });
    expect(await suggestionsOf(owner, plain.documentId)).toEqual([]);

    const auto = await newProject(owner, "Auto");
    await call("PATCH", `/api/v1/projects/${auto}`, { token: owner.token, body: { autoSuggest: true } });
    const automatic = await importInto(auto, "");
    expect(automatic.report.documents.suggested).toBe(1);
    expect(await suggestionsOf(owner, automatic.documentId)).toHaveLength(1);

    // A query parameter the route cannot read is a bad request, as for every route's query.
    const unreadable = await call("POST", `/api/v1/projects/${auto}/import?format=json&suggest=maybe`, { token: owner.token, raw: "{}" });
    expect(unreadable.status).toBe(400);
  });

  describe("an article imported from its web address", () => {
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      server = http.createServer((_request, response) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(
          `<html><head><title>Talks</title></head><body><article><h1>Talks</h1>${TEXT.split("\n")
            .map((p) => `<p>${p}</p>`)
            .join("")}</article></body></html>`,
        );
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      process.env.SOURCEMARK_URL_IMPORT_ALLOW = "127.0.0.1";
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it("gets suggestions with suggest: true, or in an autoSuggest project", async () => {
      const owner = await newUser("suggest-url");
      const projectId = await newProject(owner);
      const fromUrl = (body: Record<string, unknown>) =>
        call("POST", `/api/v1/projects/${projectId}/documents/from-url`, { token: owner.token, body: { url: `${base}/talks`, ...body } });
      const plain = await fromUrl({});
      expect(plain.status).toBe(201);
      expect(await suggestionsOf(owner, plain.body.id)).toEqual([]);
      const asked = await fromUrl({ suggest: true });
      expect(asked.status).toBe(201);
      expect(await suggestionsOf(owner, asked.body.id)).toHaveLength(2);
      await call("PATCH", `/api/v1/projects/${projectId}`, { token: owner.token, body: { autoSuggest: true } });
      const automatic = await fromUrl({});
      expect(await suggestionsOf(owner, automatic.body.id)).toHaveLength(2);
    });
  });

  it("the demo project has autoSuggest on and its article's quotes and speakers proposed", async () => {
    const article = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/seed-article.txt"), "utf8");
    const user = await newUser("demo");
    // Owed and claimed in one transaction, so no account other tests create meanwhile can claim it.
    const projectId = await withTransaction(async (client) => {
      const owed = { state: "owed", title: article.split("\n", 1)[0], text: article };
      await client.query(
        `INSERT INTO app_state (key, value) VALUES ('demo', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [JSON.stringify(owed)],
      );
      return claimDemoProject(client, { id: user.id, email: user.email, name: "demo" });
    });
    expect(projectId).not.toBeNull();
    const project = await call("GET", `/api/v1/projects/${projectId}`, { token: user.token });
    expect(project.body).toMatchObject({ name: "Demo project", autoSuggest: true });
    const documents = await call("GET", `/api/v1/projects/${projectId}/documents`, { token: user.token });
    const suggestions = await suggestionsOf(user, documents.body.documents[0].id);
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    // The article's first quote, attributed to the spokesman it names.
    expect(suggestions.some((s) => s.speaker && "newName" in s.speaker && s.speaker.newName === "Zhao Lijian")).toBe(true);
  });
});
