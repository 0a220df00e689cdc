// Import from a URL against a local HTTP server started here: the article of a real-looking news
// page (nav, ads, comments, scripts stay out), redirects, and every refusal — addresses outside the
// test allow-list (another loopback address, a name resolving to loopback), oversize bodies, a body
// not complete in time, non-HTML, bad schemes — each a 422 that names its reason and stores nothing.

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, newProjectWithDocument, newUser, type TestUser } from "../helpers/api";
import { rows } from "../helpers/db";
import { fetchPage } from "@/lib/url-import/safe-fetch";
import { addressRefusal, allowList } from "@/lib/url-import/address-policy";

const NEWS_PAGE = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/news-page.html"), "utf8");

let server: http.Server;
let base: string;
let owner: TestUser;
let projectId: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": type, ...headers });
      response.end(body);
    };
    if (request.headers.cookie || request.headers.authorization) return send(400, "text/plain", "credentials were sent");
    switch (url.pathname) {
      case "/news":
        return send(200, "text/html; charset=utf-8", NEWS_PAGE);
      case "/plain":
        return send(200, "text/plain; charset=utf-8", "A plain note\r\nSecond line with 👍🏽 in it.");
      case "/latin1":
        return send(
          200,
          "text/html; charset=iso-8859-1",
          Buffer.from("<html><head><title>Caf\xe9</title></head><body><p>Un caf\xe9 cr\xe8me.</p></body></html>", "latin1"),
        );
      case "/redirect":
        return send(302, "text/plain", "", { location: `/redirect-2` });
      case "/redirect-2":
        return send(301, "text/plain", "", { location: `${base}/news` });
      case "/loop":
        return send(302, "text/plain", "", { location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
      case "/to-other-loopback":
        return send(302, "text/plain", "", { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/news` });
      case "/to-file":
        return send(302, "text/plain", "", { location: "file:///etc/passwd" });
      case "/big":
        return send(200, "text/html", `<html><body><p>${"x".repeat(6 * 1024 * 1024)}</p></body></html>`);
      case "/big-streamed": {
        response.writeHead(200, { "content-type": "text/html" });
        const chunk = "<p>" + "y".repeat(64 * 1024) + "</p>";
        let sent = 0;
        const write = () => {
          while (sent < 6 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", write);
          }
          response.end();
        };
        return write();
      }
      case "/slow":
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>The first half of the article");
        return; // never ends
      case "/pdf":
        return send(200, "application/pdf", "%PDF-1.4");
      case "/missing":
        return send(404, "text/html", "<p>Not found</p>");
      default:
        return send(500, "text/plain", "unexpected");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  owner = await newUser("url-importer");
  projectId = (await newProjectWithDocument(owner, "seed")).projectId;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  process.env.SOURCEMARK_URL_IMPORT_ALLOW = "127.0.0.1";
});

async function importUrl(url: string, preview = false, user = owner) {
  return call("POST", `/api/v1/projects/${projectId}/documents/from-url`, { token: user.token, body: { url, preview } });
}

async function documentCount(): Promise<number> {
  const [row] = await rows<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE project_id = $1", [projectId]);
  return row?.n ?? 0;
}

describe("POST /projects/{id}/documents/from-url", () => {
  it("previews the article of a news page — no navigation, ads, comments or scripts — and stores nothing", async () => {
    const before = await documentCount();
    const answer = await importUrl(`${base}/news`, true);
    expect(answer.status).toBe(200);
    const { preview } = answer.body;
    expect(preview).toMatchObject({
      sourceUrl: `${base}/news`,
      title: "Japan joins NATO cyber defence centre",
      byline: "Hana Sato",
      publishedAt: "2022-11-07T21:30:00.000Z",
      language: "en",
      extraction: "article",
    });
    const paragraphs = preview.text.split("\n");
    expect(paragraphs[0]).toMatch(/^🚢 Japan has formally joined NATO’s/);
    expect(paragraphs).toContain(
      "The ministry described the step as “just one of many milestones during a busy period” for the country’s defence policy, which has shifted markedly in recent years.",
    );
    expect(preview.text).toContain("“Japan should learn lessons from history,” Zhao told reporters.");
    for (const noise of [
      "ADVERTISEMENT",
      "Subscribe now",
      "Comments (213)",
      "First!",
      "All rights reserved",
      "Injected by a script",
      "window.tracking",
      "Ten gadgets",
    ]) {
      expect(preview.text, noise).not.toContain(noise);
    }
    expect(preview.length).toBe([...preview.text].length);
    expect(await documentCount()).toBe(before);
  });

  it("creates the document with its source, byline and date, through the one writer", async () => {
    const answer = await importUrl(`${base}/redirect`);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      projectId,
      title: "Japan joins NATO cyber defence centre",
      sourceUrl: `${base}/news`,
      byline: "Hana Sato",
      publishedAt: "2022-11-07T21:30:00.000Z",
      language: "en",
    });
    const fetched = await call("GET", `/api/v1/documents/${answer.body.id}`, { token: owner.token });
    expect(fetched.body.text).toBe(answer.body.text);
    const [event] = await rows<{ kind: string }>("SELECT kind FROM change_events WHERE subject_id = $1", [answer.body.id]);
    expect(event?.kind).toBe("document.created");
  });

  it("reads plain text and declared charsets", async () => {
    const plain = await importUrl(`${base}/plain`, true);
    expect(plain.body.preview).toMatchObject({
      title: "A plain note",
      text: "A plain note\nSecond line with 👍🏽 in it.",
      extraction: "page",
    });
    const latin1 = await importUrl(`${base}/latin1`, true);
    expect(latin1.body.preview.text).toBe("Un café crème.");
    expect(latin1.body.preview.title).toBe("Café");
  });

  it.each([
    ["ftp://127.0.0.1/file", "only http and https"],
    ["file:///etc/passwd", "only http and https"],
    ["not a url", "not a web address"],
    ["http://user:secret@127.0.0.1/news", "user name or password"],
    ["/to-other-loopback", "127.0.0.2, a loopback address"],
    ["/to-file", "only http and https"],
    ["/loop", "more than 5 redirects"],
    ["/big", "larger than 5 MB"],
    ["/big-streamed", "larger than 5 MB"],
    ["/pdf", "not a web page or plain text (application/pdf)"],
    ["/missing", "the site answered 404"],
  ])("refuses %s with 422: %s", async (target, reason) => {
    const before = await documentCount();
    const answer = await importUrl(target.startsWith("/") ? `${base}${target}` : target);
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toContain(reason);
    expect(answer.body.error.details.fields.url).toBeTruthy();
    expect(await documentCount()).toBe(before);
  });

  it("refuses loopback, by address or by a name resolving to it, when the allow-list is off", async () => {
    delete process.env.SOURCEMARK_URL_IMPORT_ALLOW;
    const port = (server.address() as AddressInfo).port;
    for (const [url, reason] of [
      [`http://127.0.0.1:${port}/news`, "127.0.0.1, a loopback address"],
      [`http://localhost:${port}/news`, "localhost resolves to"],
      [`http://[::1]:${port}/news`, "::1, a loopback address"],
      [`http://169.254.169.254/latest/meta-data/`, "link-local"],
      [`http://10.0.0.1/`, "private network"],
    ]) {
      const answer = await importUrl(url as string);
      expect(answer.status, url).toBe(422);
      expect(answer.body.error.message, url).toContain(reason);
    }
  });

  it("refuses a body that is not complete in time, importing nothing of it", async () => {
    const refusal = (address: string) => addressRefusal(address, allowList("127.0.0.1"));
    const started = Date.now();
    await expect(fetchPage(`${base}/slow`, { timeoutMs: 400, refusal })).rejects.toThrow("did not answer in full within 0.4 s");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("answers 404 to a non-member and 403 to a viewer before fetching anything, 422 to a bad body", async () => {
    const outsider = await newUser("outsider");
    expect((await importUrl(`${base}/news`, false, outsider)).status).toBe(404);
    const viewer = await newUser("viewer");
    await call("POST", `/api/v1/projects/${projectId}/members`, { token: owner.token, body: { email: viewer.email, role: "viewer" } });
    expect([403, 404]).toContain((await importUrl(`${base}/news`, false, viewer)).status);
    const bad = await call("POST", `/api/v1/projects/${projectId}/documents/from-url`, { token: owner.token, body: { address: "x" } });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("address");
  });
});
