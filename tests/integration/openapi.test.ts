// GET /api/v1/openapi.json serves the reference, and the reference tells the truth: every
// documented operation is called here, and each answer's status must be one the reference lists,
// its body exactly the documented schema's fields (or the error body), its file one of the
// documented media types. A new route needs a call below; the last test fails until it has one.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { errorBodySchema } from "@/lib/api-reference/errors";
import { buildApiReference } from "@/lib/api-reference/openapi";
import { OPERATIONS, type Method } from "@/lib/api-reference/routes";
import { STATUS_OF } from "@/lib/http/api-route";
import { pool } from "@/lib/db/client";
import { call, dispatchRaw, newUser, uniqueEmail, type ApiResult, type CallOptions } from "../helpers/api";

const reference = buildApiReference();
const succeeded = new Set<string>();

interface CheckOptions extends CallOptions {
  params?: Record<string, string>;
  query?: string;
}

/** Calls `method template` and checks the answer against the reference; returns it. */
async function check(method: Method, template: string, { params = {}, query = "", ...options }: CheckOptions = {}): Promise<ApiResult> {
  const where = `${method} ${template}`;
  const operation = OPERATIONS.find((o) => o.method === method && o.path === template);
  if (!operation) throw new Error(`${where} is not in lib/api-reference/routes.ts`);
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "no-such-id")) + query;
  const result = await call(method, url, options);
  const documented = Object.keys(reference.paths[template]?.[method.toLowerCase()]?.responses ?? {});
  expect(documented, `${where} answered ${result.status}: ${result.text.slice(0, 200)}`).toContain(String(result.status));
  if (result.status >= 400) {
    const body = errorBodySchema.parse(result.body);
    expect(STATUS_OF[body.error.code], where).toBe(result.status);
    return result;
  }
  const response = operation.responses[result.status as 200 | 201 | 204];
  const isJson = (result.headers.get("content-type") ?? "").startsWith("application/json");
  if (response?.body && (isJson || !response.mediaTypes)) {
    // Parsing drops fields the schema does not name, so equality means: exactly the documented fields.
    expect(response.body.parse(result.body), where).toEqual(result.body);
  } else if (response?.mediaTypes) {
    const type = (result.headers.get("content-type") ?? "").split(";")[0];
    expect(response.mediaTypes, where).toContain(type);
  } else {
    expect(result.text, where).toBe("");
  }
  for (const header of Object.keys(response?.headers ?? {})) expect(result.headers.has(header), `${where} ${header}`).toBe(true);
  succeeded.add(where);
  return result;
}

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document to anyone, cacheable", async () => {
    const result = await check("GET", "/api/v1/openapi.json");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^application\/json/);
    expect(result.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(result.body.openapi).toBe("3.1.0");
    expect(result.body).toEqual(JSON.parse(JSON.stringify(reference)));
  });
});

describe("the reference tells the truth", () => {
  it("about signing up, in and out", async () => {
    const email = uniqueEmail("reference");
    const body = { email, password: "correct horse battery", name: "Reference" };
    expect((await check("POST", "/api/v1/auth/sign-up", { body })).status).toBe(201);
    const signedIn = await check("POST", "/api/v1/auth/sign-in", { body: { email, password: body.password } });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect((await check("GET", "/api/v1/me", { cookie })).status).toBe(200);
    expect((await check("POST", "/api/v1/auth/sign-out", { cookie })).status).toBe(204);
  });

  it("about projects, members, documents, speakers, annotations, export and import", async () => {
    const owner = await newUser("reference-owner");
    const member = await newUser("reference-member");
    const as = { token: owner.token };
    expect((await check("GET", "/api/v1/me", as)).status).toBe(200);

    const project = await check("POST", "/api/v1/projects", { ...as, body: { name: "Reference" } });
    const projectId = project.body.id as string;
    expect((await check("GET", "/api/v1/projects", as)).status).toBe(200);
    expect((await check("GET", "/api/v1/projects/{projectId}", { ...as, params: { projectId } })).status).toBe(200);
    const settings = { ...as, params: { projectId }, body: { autoSuggest: false } };
    expect((await check("PATCH", "/api/v1/projects/{projectId}", settings)).status).toBe(200);

    const members = { ...as, params: { projectId, userId: member.id } };
    const invitation = await check("POST", "/api/v1/projects/{projectId}/members", {
      ...members,
      body: { email: member.email, role: "annotator" },
    });
    expect(invitation.status).toBe(202);
    expect((await check("GET", "/api/v1/projects/{projectId}/invitations", members)).status).toBe(200);
    expect((await check("GET", "/api/v1/me/invitations", { token: member.token })).status).toBe(200);
    const onInvitation = { token: member.token, params: { invitationId: invitation.body.id as string } };
    expect((await check("POST", "/api/v1/invitations/{invitationId}/accept", onInvitation)).status).toBe(200);
    const declined = await call("POST", `/api/v1/projects/${projectId}/members`, {
      ...as,
      body: { email: uniqueEmail("declines"), role: "viewer" },
    });
    expect(
      (await check("DELETE", "/api/v1/invitations/{invitationId}", { ...as, params: { invitationId: declined.body.id } })).status,
    ).toBe(204);
    expect((await check("GET", "/api/v1/projects/{projectId}/members", members)).status).toBe(200);
    expect((await check("PATCH", "/api/v1/projects/{projectId}/members/{userId}", { ...members, body: { role: "reviewer" } })).status).toBe(
      200,
    );
    expect((await check("DELETE", "/api/v1/projects/{projectId}/members/{userId}", members)).status).toBe(204);

    const inProject = { ...as, params: { projectId } };
    const text = "🚢 The minister said “we will act” on Monday.";
    const document = await check("POST", "/api/v1/projects/{projectId}/documents", {
      ...inProject,
      body: { title: "Reference", text, sourceUrl: "https://example.org/a", publishedAt: "2026-11-04" },
    });
    const documentId = document.body.id as string;
    expect((await check("GET", "/api/v1/projects/{projectId}/documents", inProject)).status).toBe(200);
    expect((await check("GET", "/api/v1/documents/{documentId}", { ...as, params: { documentId } })).status).toBe(200);
    const language = await check("PATCH", "/api/v1/documents/{documentId}", { ...as, params: { documentId }, body: { language: "en-gb" } });
    expect(language.body.language).toBe("en-GB");

    const speaker = { name: "The Minister", aliases: ["Minister"], kind: "person" };
    const created = await check("POST", "/api/v1/projects/{projectId}/speakers", { ...inProject, body: speaker });
    expect(created.status).toBe(201);
    const existing = await check("POST", "/api/v1/projects/{projectId}/speakers", {
      ...inProject,
      query: "?existing=return",
      body: speaker,
    });
    expect(existing.status).toBe(200);
    expect((await check("GET", "/api/v1/projects/{projectId}/speakers", { ...inProject, query: "?q=minis" })).status).toBe(200);
    const speakerId = created.body.id as string;
    expect((await check("GET", "/api/v1/speakers/{speakerId}", { ...as, params: { speakerId } })).status).toBe(200);
    expect(
      (await check("PATCH", "/api/v1/speakers/{speakerId}", { ...as, params: { speakerId }, body: { description: "A minister" } })).status,
    ).toBe(200);

    const onDocument = { ...as, params: { documentId } };
    const annotation = await check("POST", "/api/v1/documents/{documentId}/annotations", {
      ...onDocument,
      body: { label: "quote", start: 20, end: 33, exact: "“we will act”", speakerId },
    });
    expect(annotation.status).toBe(201);
    expect((await check("GET", "/api/v1/documents/{documentId}/annotations", onDocument)).status).toBe(200);
    const one = { ...as, params: { annotationId: annotation.body.id as string } };
    expect((await check("GET", "/api/v1/annotations/{annotationId}", one)).status).toBe(200);
    expect((await check("PATCH", "/api/v1/annotations/{annotationId}", { ...one, body: { version: 1, note: "checked" } })).status).toBe(
      200,
    );
    expect((await check("PATCH", "/api/v1/annotations/{annotationId}", { ...one, body: { version: 1, note: "stale" } })).status).toBe(409);
    expect((await check("DELETE", "/api/v1/annotations/{annotationId}", one)).status).toBe(204);
    expect((await check("POST", "/api/v1/annotations/{annotationId}/restore", one)).status).toBe(201);
    expect((await check("GET", "/api/v1/annotations/{annotationId}/history", one)).status).toBe(200);

    for (const format of ["json", "csv", "brat"]) {
      expect((await check("GET", "/api/v1/projects/{projectId}/export", { ...inProject, query: `?format=${format}` })).status).toBe(200);
    }
    const lines = await check("GET", "/api/v1/projects/{projectId}/export", { ...inProject, query: "?format=jsonl" });
    const imported = await check("POST", "/api/v1/projects/{projectId}/import", {
      ...inProject,
      query: "?format=jsonl",
      raw: lines.text,
      headers: { "content-type": "application/x-ndjson" },
    });
    // The project's own export: every line is already present, and nothing changes.
    expect(imported.body).toMatchObject({ format: "jsonl", annotations: { created: 0, failed: 0, alreadyPresent: 1 } });

    const suggestText = "“We will not back down,” Zhao said.\nMaria Lopez stressed that the talks would resume next week.";
    const suggestDocumentId = (
      await call("POST", `/api/v1/projects/${projectId}/documents`, { ...as, body: { title: "S", text: suggestText } })
    ).body.id as string;
    const onSuggestDocument = { ...as, params: { documentId: suggestDocumentId } };
    const suggested = await check("POST", "/api/v1/documents/{documentId}/suggestions", onSuggestDocument);
    expect(suggested.status).toBe(200);
    expect((await check("GET", "/api/v1/documents/{documentId}/suggestions", onSuggestDocument)).status).toBe(200);
    const [firstSuggestion, secondSuggestion] = suggested.body.suggestions as { id: string }[];
    const suggestion = { ...as, params: { suggestionId: firstSuggestion!.id } };
    expect(
      (await check("POST", "/api/v1/suggestions/{suggestionId}/accept", { ...suggestion, body: { quoteKind: "direct" } })).status,
    ).toBe(201);
    expect((await check("POST", "/api/v1/suggestions/{suggestionId}/accept", suggestion)).status).toBe(200);
    expect(
      (await check("POST", "/api/v1/suggestions/{suggestionId}/dismiss", { ...as, params: { suggestionId: secondSuggestion!.id } })).status,
    ).toBe(204);
  });

  it("about review, speakers' merges, comments, live streams, accounts, deletion and health", async () => {
    const owner = await newUser("reference-reviewer");
    const as = { token: owner.token };
    const projectId = (await call("POST", "/api/v1/projects", { ...as, body: { name: "Review reference" } })).body.id as string;
    const inProject = { ...as, params: { projectId } };
    const text = "Zhao said “we will act”. Zhao Lijian agreed.";
    const documentId = (await call("POST", `/api/v1/projects/${projectId}/documents`, { ...as, body: { title: "R", text } })).body
      .id as string;
    const speaker = (name: string) => call("POST", `/api/v1/projects/${projectId}/speakers`, { ...as, body: { name } });
    const zhao = (await speaker("Zhao")).body.id as string;
    const full = (await speaker("Zhao Lijian")).body.id as string;
    const annotation = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      ...as,
      body: { label: "quote", start: 10, end: 23, speakerId: zhao },
    });
    const one = { ...as, params: { annotationId: annotation.body.id as string } };

    expect(
      (await check("POST", "/api/v1/annotations/{annotationId}/review", { ...one, body: { status: "rejected", reason: "Check" } })).status,
    ).toBe(200);
    expect(
      (await check("GET", "/api/v1/projects/{projectId}/review-queue", { ...inProject, query: "?status=rejected&limit=10" })).status,
    ).toBe(200);
    // Agreement and curation: the owner's own annotation, marked done (assignments are written directly here).
    await pool().query("INSERT INTO assignments (document_id, user_id, project_id, done_at) VALUES ($1, $2, $3, now())", [
      documentId,
      owner.id,
      projectId,
    ]);
    expect((await check("GET", "/api/v1/projects/{projectId}/agreement", inProject)).status).toBe(200);
    expect((await check("GET", "/api/v1/projects/{projectId}/agreement", { ...inProject, query: "?format=csv&label=quote" })).status).toBe(
      200,
    );
    const onDocument = { ...as, params: { documentId } };
    expect(
      (
        await check("POST", "/api/v1/documents/{documentId}/curation", {
          ...onDocument,
          body: { from: annotation.body.id, speakerId: full },
        })
      ).status,
    ).toBe(201);
    expect((await check("POST", "/api/v1/documents/{documentId}/curation/unanimous", onDocument)).status).toBe(200);
    // Import from a URL: a page served here, on the loopback address the test allow-list opens.
    const page = http.createServer((_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><head><title>Served here</title></head><body><article><p>Zhao said “a quote”.</p></article></body></html>");
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    process.env.SOURCEMARK_URL_IMPORT_ALLOW = "127.0.0.1";
    try {
      const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/article`;
      const fromUrl = "/api/v1/projects/{projectId}/documents/from-url";
      expect((await check("POST", fromUrl, { ...inProject, body: { url, preview: true } })).body.preview.title).toBe("Served here");
      expect((await check("POST", fromUrl, { ...inProject, body: { url } })).status).toBe(201);
      expect((await check("POST", fromUrl, { ...inProject, body: { url: "ftp://example.org/" } })).status).toBe(422);
    } finally {
      delete process.env.SOURCEMARK_URL_IMPORT_ALLOW;
      page.close();
    }

    const found = await check("GET", "/api/v1/projects/{projectId}/search", { ...inProject, query: "?q=zhao&facets=true" });
    expect(found.body.facets.speakers.length).toBeGreaterThan(0);
    expect((await check("GET", "/api/v1/projects/{projectId}/search", { ...inProject, query: "?in=documents&q=nato" })).status).toBe(200);
    expect((await check("GET", "/api/v1/projects/{projectId}/speakers/duplicates", inProject)).body.pairs.length).toBeGreaterThan(0);
    expect((await check("GET", "/api/v1/speakers/{speakerId}/annotations", { ...as, params: { speakerId: zhao } })).status).toBe(200);
    expect(
      (await check("POST", "/api/v1/speakers/{speakerId}/merge", { ...as, params: { speakerId: zhao }, body: { into: full } })).status,
    ).toBe(200);
    expect((await check("POST", "/api/v1/speakers/{speakerId}/unmerge", { ...as, params: { speakerId: zhao } })).status).toBe(200);
    expect(
      (
        await check("POST", "/api/v1/projects/{projectId}/reattribute", {
          ...inProject,
          body: { annotationIds: [one.params.annotationId], speakerId: full },
        })
      ).status,
    ).toBe(200);

    const comment = await check("POST", "/api/v1/annotations/{annotationId}/comments", { ...one, body: { body: "Which briefing?" } });
    expect(comment.status).toBe(201);
    expect((await check("GET", "/api/v1/annotations/{annotationId}/comments", one)).status).toBe(200);
    const onComment = { ...as, params: { commentId: comment.body.id as string } };
    expect((await check("PATCH", "/api/v1/comments/{commentId}", { ...onComment, body: { body: "The Tuesday briefing." } })).status).toBe(
      200,
    );
    expect((await check("DELETE", "/api/v1/comments/{commentId}", onComment)).status).toBe(204);

    for (const [template, params] of [
      ["/api/v1/documents/{documentId}/events", { documentId }],
      ["/api/v1/projects/{projectId}/events", { projectId }],
    ] as const) {
      const operation = OPERATIONS.find((o) => o.method === "GET" && o.path === template);
      const response = await dispatchRaw(
        "GET",
        template.replace(/\{(\w+)\}/, () => Object.values(params)[0] as string),
        as,
      );
      expect(response.status).toBe(200);
      expect(operation?.responses[200]?.mediaTypes).toContain((response.headers.get("content-type") ?? "").split(";")[0]);
      await response.body?.cancel();
      succeeded.add(`GET ${template}`);
    }

    const token = await check("POST", "/api/v1/me/tokens", { ...as, body: { label: "reference", expiresInDays: 7 } });
    expect(token.status).toBe(201);
    expect((await check("GET", "/api/v1/me/tokens", as)).status).toBe(200);
    expect((await check("DELETE", "/api/v1/me/tokens/{tokenId}", { ...as, params: { tokenId: token.body.id as string } })).status).toBe(
      204,
    );
    const email = uniqueEmail("reference-account");
    const signedUp = await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "correct horse battery" } });
    const cookie = (signedUp.headers.get("set-cookie") ?? "").split(";")[0] as string;
    await call("POST", "/api/v1/auth/sign-in", { body: { email, password: "correct horse battery" } }); // a second session
    const sessions = await check("GET", "/api/v1/me/sessions", { cookie });
    const otherSession = sessions.body.sessions.find((s: { current: boolean }) => !s.current);
    expect((await check("DELETE", "/api/v1/me/sessions/{sessionId}", { cookie, params: { sessionId: otherSession.id } })).status).toBe(204);
    expect((await check("DELETE", "/api/v1/me/sessions", { cookie })).status).toBe(200);
    expect(
      (
        await check("POST", "/api/v1/me/password", {
          cookie,
          body: { currentPassword: "correct horse battery", newPassword: "another good password" },
        })
      ).status,
    ).toBe(200);

    expect((await check("GET", "/api/health")).status).toBe(200);
    // Assignments and the project's annotation mode.
    const inDocument = { ...as, params: { documentId } };
    expect((await check("PUT", "/api/v1/documents/{documentId}/assignees", { ...inDocument, body: { userIds: [owner.id] } })).status).toBe(
      200,
    );
    expect(
      (await check("POST", "/api/v1/projects/{projectId}/assignments", { ...inProject, body: { perDocument: 1, userIds: [owner.id] } }))
        .status,
    ).toBe(200);
    expect((await check("GET", "/api/v1/projects/{projectId}/assignments", inProject)).status).toBe(200);
    expect((await check("POST", "/api/v1/documents/{documentId}/done", inDocument)).status).toBe(200);
    expect((await check("DELETE", "/api/v1/documents/{documentId}/done", inDocument)).status).toBe(200);
    expect((await check("GET", "/api/v1/me/queue", as)).status).toBe(200);
    expect((await check("PATCH", "/api/v1/projects/{projectId}", { ...inProject, body: { annotationMode: "independent" } })).status).toBe(
      200,
    );
    expect((await check("DELETE", "/api/v1/documents/{documentId}", { ...as, params: { documentId } })).status).toBe(204);
    expect((await check("DELETE", "/api/v1/projects/{projectId}", { ...inProject, body: { confirm: "Review reference" } })).status).toBe(
      204,
    );
  });

  it("about failures: every operation, without credentials and for things that do not exist", async () => {
    const stranger = await newUser("reference-stranger");
    for (const operation of OPERATIONS) {
      const body = operation.body ? { body: {} } : {};
      await check(operation.method, operation.path, body);
      await check(operation.method, operation.path, { ...body, token: stranger.token });
    }
  });

  it("about every operation it documents (each was answered successfully above)", () => {
    const unchecked = OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((where) => !succeeded.has(where));
    expect(unchecked, "add a call for these to tests/integration/openapi.test.ts").toEqual([]);
  });
});
