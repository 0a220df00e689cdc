import path from "node:path";
import { describe, expect, it } from "vitest";
import { dispatch, loadRouteTable, matchRoute, type RouteEntry } from "./route-table";

const table = await loadRouteTable(path.resolve(import.meta.dirname, "../../app"));

function patternOf(pathname: string): string | undefined {
  return matchRoute(table, pathname)?.entry.pattern;
}

describe("loadRouteTable + matchRoute", () => {
  it("finds the app's API routes", () => {
    expect(table.length).toBeGreaterThan(10);
    expect(table.map((e) => e.pattern)).toContain("api/v1/projects/[projectId]/export".replace(/^/, "/"));
  });

  it("prefers static segments, then [param], then [...catchAll], as Next does", () => {
    expect(patternOf("/api/v1/projects")).toBe("/api/v1/projects");
    expect(patternOf("/api/v1/projects/p1")).toBe("/api/v1/projects/[projectId]");
    expect(patternOf("/api/v1/projects/p1/members/u1")).toBe("/api/v1/projects/[projectId]/members/[userId]");
    expect(patternOf("/api/v1/auth/sign-in")).toBe("/api/v1/auth/sign-in");
    expect(patternOf("/api/v1/projects/p1/unknown")).toBe("/api/v1/[...path]");
    expect(patternOf("/api/v1/anything/else/entirely")).toBe("/api/v1/[...path]");
    expect(patternOf("/api/v2/projects")).toBeUndefined();
    expect(patternOf("/projects")).toBeUndefined();
  });

  it("decodes params and ignores a trailing slash", () => {
    const match = matchRoute(table, "/api/v1/documents/a%20b/annotations/");
    expect(match?.entry.pattern).toBe("/api/v1/documents/[documentId]/annotations");
    expect(match?.params).toEqual({ documentId: "a b" });
    // Malformed percent-encoding matches nothing (the server then lets Next answer it).
    expect(matchRoute(table, "/api/v1/projects/%E0%A4%A/documents")).toBeNull();
  });
});

describe("dispatch", () => {
  const entry: RouteEntry = {
    pattern: "/x",
    segments: [{ kind: "static", value: "x" }],
    module: { GET: async () => Response.json({ ok: true }, { headers: { "x-test": "1" } }) },
  };

  it("answers HEAD from GET without a body", async () => {
    const response = await dispatch(entry, {}, new Request("http://h/x", { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-test")).toBe("1");
    expect(await response.text()).toBe("");
  });

  it("answers a method the route lacks with 405 and Allow, OPTIONS with 204", async () => {
    const post = await dispatch(entry, {}, new Request("http://h/x", { method: "POST" }));
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const options = await dispatch(entry, {}, new Request("http://h/x", { method: "OPTIONS" }));
    expect(options.status).toBe(204);
  });
});
