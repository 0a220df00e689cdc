// Hardening: hostile input gets a clear 4xx and changes nothing — NUL characters and lone
// surrogates anywhere (bodies, query strings, path ids), impossible dates, look-alike speaker names,
// login CSRF, forwarded headers from clients, and concurrent restores.

import { describe, expect, it } from "vitest";
import { call, newProjectWithDocument, newUser } from "../helpers/api";
import { snapshotCounts } from "../helpers/db";

describe("NUL characters and lone surrogates", () => {
  it("are refused in every JSON field with 422 naming the field, writing nothing", async () => {
    const owner = await newUser("owner");
    const { projectId, documentId } = await newProjectWithDocument(owner);
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Zhao" } });
    const before = await snapshotCounts();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/v1/projects", { name: "a\u0000b" }, "name"],
      ["POST", "/api/v1/projects", { name: "a\ud800b" }, "name"],
      ["POST", `/api/v1/projects/${projectId}/documents`, { title: "t\u0000", text: "x" }, "title"],
      ["POST", `/api/v1/projects/${projectId}/speakers`, { name: "Z", aliases: ["ok", "b\u0000d"] }, "aliases.1"],
      ["POST", `/api/v1/projects/${projectId}/speakers`, { name: "Z", description: "\udc00" }, "description"],
      ["PATCH", `/api/v1/speakers/${speaker.body.id}`, { name: "Zh\u0000ao" }, "name"],
      ["POST", `/api/v1/documents/${documentId}/annotations`, { label: "claim", start: 0, end: 2, note: "\u0000" }, "note"],
      ["POST", `/api/v1/projects/${projectId}/members`, { email: "x\u0000@example.org", role: "viewer" }, "email"],
    ];
    for (const [method, path, body, field] of cases) {
      const result = await call(method, path, { token: owner.token, body });
      expect(result.status, `${method} ${path} ${field}`).toBe(422);
      expect(result.body.error.details.fields, `${method} ${path}`).toHaveProperty([field]);
    }
    const signUp = await call("POST", "/api/v1/auth/sign-up", {
      body: { email: "nul@example.org", password: "pass\u0000word123", name: "N" },
    });
    expect(signUp.status).toBe(422);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("are a 400 in a query string and a 404 as a path id", async () => {
    const owner = await newUser("owner");
    const { projectId } = await newProjectWithDocument(owner);
    expect((await call("GET", `/api/v1/projects/${projectId}/speakers?q=%00`, { token: owner.token })).status).toBe(400);
    expect((await call("GET", `/api/v1/projects/${projectId}/export?format=csv&author=%00`, { token: owner.token })).status).toBe(400);
    // (A path that is not even valid UTF-8 is answered by the server itself: tests/security/http-surface.test.ts.)
    for (const path of ["/api/v1/projects/%00", "/api/v1/documents/a%00b", "/api/v1/annotations/%00/history"]) {
      const result = await call("GET", path, { token: owner.token });
      expect(result.status, path).toBe(404);
      expect(result.body.error.code).toBe("not_found");
    }
  });
});

describe("dates", () => {
  it("accept only days of the calendar, the same way for the API and imports", async () => {
    const owner = await newUser("owner");
    const { projectId } = await newProjectWithDocument(owner);
    const create = (publishedAt: string) =>
      call("POST", `/api/v1/projects/${projectId}/documents`, { token: owner.token, body: { title: "d", text: "x", publishedAt } });
    for (const bad of ["2022-02-30", "0000-01-01", "2022-13-01", "2023-02-29", "2022-11-04T25:00Z"]) {
      const result = await create(bad);
      expect(result.status, bad).toBe(422);
      expect(result.body.error.details.fields).toHaveProperty("publishedAt");
    }
    expect((await create("2024-02-29")).body.publishedAt).toBe("2024-02-29T00:00:00.000Z");
    const imported = await call("POST", `/api/v1/projects/${projectId}/import?format=json`, {
      token: owner.token,
      body: { documents: [{ title: "Old", text: "x", publishedAt: "0000-01-01", annotations: [] }] },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.documents).toEqual({ created: 0, failed: 1, alreadyPresent: 0 });
    expect(imported.body.errors[0].reason).toMatch(/publishedAt/);
  });
});

describe("speaker names", () => {
  it("are the same name despite zero-width characters, direction marks and full-width letters", async () => {
    const owner = await newUser("owner");
    const { projectId } = await newProjectWithDocument(owner);
    expect(
      (await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Zhao Lijian" } })).status,
    ).toBe(201);
    for (const lookalike of ["Zhao\u200b Lijian", "Zhao Lijian\u200e", "Ｚｈａｏ Ｌｉｊｉａｎ", "\u2066Zhao Lijian\u2069"]) {
      const result = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: lookalike } });
      expect(result.status, JSON.stringify(lookalike)).toBe(409);
    }
  });
});

describe("sign-in, sign-up and sign-out", () => {
  it("refuse another site's form (login CSRF) and non-JSON bodies", async () => {
    const email = `csrf-${Date.now()}@example.org`;
    await call("POST", "/api/v1/auth/sign-up", { body: { email, password: "a long password 123" } });
    const body = JSON.stringify({ email, password: "a long password 123" });
    const foreign = await call("POST", "/api/v1/auth/sign-in", {
      raw: body,
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const plain = await call("POST", "/api/v1/auth/sign-in", { raw: body, headers: { "content-type": "text/plain;charset=UTF-8" } });
    expect(plain.status).toBe(400);
    const schemeMismatch = await call("POST", "/api/v1/auth/sign-in", {
      body: { email, password: "a long password 123" },
      headers: { origin: "https://sourcemark.test" },
    });
    expect(schemeMismatch.status).toBe(403);
    const ours = await call("POST", "/api/v1/auth/sign-in", {
      body: { email, password: "a long password 123" },
      headers: { origin: "http://sourcemark.test" },
    });
    expect(ours.status).toBe(200);
    expect((await call("POST", "/api/v1/auth/sign-out", { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect(
      (await call("POST", "/api/v1/auth/sign-up", { raw: body, headers: { "content-type": "application/x-www-form-urlencoded" } })).status,
    ).toBe(400);
  });

  it("do not trust X-Forwarded-Host from a client for the origin check", async () => {
    const owner = await newUser("owner");
    const signUp = await call("POST", "/api/v1/auth/sign-up", {
      body: { email: `xfh-${Date.now()}@example.org`, password: "a long password 123" },
    });
    const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const attempt = await call("POST", "/api/v1/projects", {
      cookie,
      body: { name: "from evil" },
      headers: { origin: "http://evil.test", "x-forwarded-host": "evil.test", "x-forwarded-proto": "http" },
    });
    expect(attempt.status).toBe(403);
    void owner;
  });
});

describe("concurrent restores", () => {
  it("answer one 201 and 409 for the rest, never 500", async () => {
    const owner = await newUser("owner");
    const { documentId } = await newProjectWithDocument(owner);
    const created = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "claim", start: 0, end: 2 },
    });
    await call("DELETE", `/api/v1/annotations/${created.body.id}`, { token: owner.token });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call("POST", `/api/v1/annotations/${created.body.id}/restore`, { token: owner.token })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  });
});

describe("jsonl imports", () => {
  it("report bad lines by their own number — not UTF-8, NUL, too long — and import the rest, never a 500", async () => {
    const owner = await newUser("owner");
    const text = "Plain text for a jsonl import, with enough words.";
    const { projectId, documentId } = await newProjectWithDocument(owner, text);
    // Two-character spans with no space at either end (the API refuses those).
    const starts = [...text].map((_, i) => i).filter((i) => i < 40 && /\S\S/.test(text.slice(i, i + 2)));
    const good = (i: number) => {
      const start = starts[i % starts.length]!;
      return `${JSON.stringify({ documentId, label: "claim", start, end: start + 2, text: text.slice(start, start + 2) })}\n`;
    };
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    for (let i = 0; i < 2500; i++) parts.push(encoder.encode(good(i)));
    parts.push(new Uint8Array([0x7b, 0xff, 0x7d, 0x0a])); // line 2501: not UTF-8
    parts.push(
      encoder.encode(`${JSON.stringify({ documentId, label: "claim", start: 0, end: 2, text: "Pl", speaker: { name: "a\u0000b" } })}\n`),
    ); // 2502: NUL
    parts.push(encoder.encode(`{"pad": "${"x".repeat(1_100_000)}"}\n`)); // 2503: over 1 MB
    parts.push(encoder.encode(good(1))); // 2504
    const raw = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      raw.set(part, offset);
      offset += part.byteLength;
    }
    const result = await call("POST", `/api/v1/projects/${projectId}/import?format=jsonl`, {
      token: owner.token,
      raw,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(result.status).toBe(200);
    expect(result.body.annotations).toEqual({ created: 2501, failed: 3, alreadyPresent: 0, reanchored: 0 });
    expect(result.body.errors).toEqual([
      { ref: "line 2501", reason: "not valid UTF-8" },
      { ref: "line 2502", reason: expect.stringMatching(/speaker\.name.*NUL/) },
      { ref: "line 2503", reason: "longer than 1048576 bytes" },
    ]);
  });
});
