// Hardening, against the real server (`npm start`): security headers on pages and API answers,
// every API answer in the JSON error shape (unknown methods, undecodable paths), connections that
// cannot be desynchronised by a refused body, HEAD and abandoned exports that free their worker,
// and client aborts that are not server errors.

import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, apiJson, startServer, tempDataDir, type RunningServer } from "../helpers/server";

let server: RunningServer;
let token: string;
let projectId: string;

beforeAll(async () => {
  const dataDir = await tempDataDir();
  await admin(dataDir, ["create-user", "--email", "sec@example.org", "--password", "a long password 123"]);
  server = await startServer(dataDir);
  token = (JSON.parse((await admin(dataDir, ["create-token", "--email", "sec@example.org"])).stdout) as { token: string }).token;
  const project = await apiJson(`${server.url}/api/v1/projects`, { method: "POST", token, json: { name: "Security" } });
  projectId = project.body.id;
  const document = await apiJson(`${server.url}/api/v1/projects/${projectId}/documents`, {
    method: "POST",
    token,
    json: { title: "T", text: "word ".repeat(2000) },
  });
  for (let i = 0; i < 50; i++) {
    await apiJson(`${server.url}/api/v1/documents/${document.body.id}/annotations`, {
      method: "POST",
      token,
      json: { label: "claim", start: i * 10, end: i * 10 + 4 },
    });
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** Sends raw bytes on one TCP connection and collects what comes back within `ms`. */
function rawExchange(data: string[], ms = 1500): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("connect", async () => {
      for (const part of data) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, ms);
  });
}

async function threadCount(): Promise<number> {
  const fs = await import("node:fs/promises");
  const status = await fs.readFile(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/Threads:\s+(\d+)/.exec(status)?.[1]);
}

describe("security headers", () => {
  it("pages carry a nonce CSP without unsafe-inline scripts, frame-ancestors 'none', nosniff and a referrer policy", async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBeTruthy();
    expect(page.headers.get("permissions-policy")).toBeTruthy();
    // Next's own scripts carry the nonce, so the page still runs.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.text()).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("strict-transport-security")).toBeNull(); // plain http here
  });

  it("API answers are never documents that run or can be framed", async () => {
    const response = await fetch(`${server.url}/api/v1/projects`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("every API answer is JSON", () => {
  it("answers an unknown method with 405 and Allow, and an undecodable path with 404", async () => {
    const trace = await fetch(`${server.url}/api/v1/projects`, { method: "PUT", headers: { authorization: `Bearer ${token}` } });
    expect(trace.status).toBe(405);
    expect(trace.headers.get("allow")).toContain("GET");
    expect((await trace.json()).error.code).toBe("method_not_allowed");
    const raw = await rawExchange([`TRACE /api/v1/projects HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
    expect(raw).toMatch(/^HTTP\/1\.1 405/);
    expect(raw).toContain('"method_not_allowed"');
    const bad = await fetch(`${server.url}/api/v1/annotations/%ff/history`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.code).toBe("not_found");
  });
});

describe("connections", () => {
  it("a large body refused unread closes the connection instead of leaving bytes for the next request", async () => {
    const body = "x".repeat(100_000);
    const raw = await rawExchange(
      [
        `POST /api/v1/projects/nope/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body.slice(0, 1000),
      ],
      2000,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 404/);
    expect(raw.toLowerCase()).toContain("connection: close");
  });

  it("a client that aborts an upload is not logged as a server error", async () => {
    const before = server.output().length;
    await rawExchange(
      [
        `POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"name":`,
      ],
      500,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(server.output().slice(before)).not.toMatch(/request failed|unhandled/i);
  });
});

describe("exports", () => {
  it("HEAD and abandoned downloads do not leave export workers behind", async () => {
    const baseline = await threadCount();
    for (let i = 0; i < 20; i++) {
      const head = await fetch(`${server.url}/api/v1/projects/${projectId}/export?format=jsonl`, {
        method: "HEAD",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(head.status).toBe(200);
    }
    for (let i = 0; i < 10; i++) {
      await rawExchange(
        [`GET /api/v1/projects/${projectId}/export?format=jsonl HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n\r\n`],
        50,
      );
    }
    await expect.poll(threadCount, { timeout: 15_000, interval: 250 }).toBeLessThanOrEqual(baseline + 2);
  });
});
