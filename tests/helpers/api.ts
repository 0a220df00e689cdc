// Calls the v1 route handlers in-process, the way Next.js would: a path is matched against the
// app/api/v1 route table and the handler for the method gets a real Request and its params.

import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/users/create-user";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

const ROUTES: [string, () => Promise<RouteModule>][] = [
  ["/api/v1/auth/sign-up", () => import("@/app/api/v1/auth/sign-up/route")],
  ["/api/v1/auth/sign-in", () => import("@/app/api/v1/auth/sign-in/route")],
  ["/api/v1/auth/sign-out", () => import("@/app/api/v1/auth/sign-out/route")],
  ["/api/v1/me", () => import("@/app/api/v1/me/route")],
  ["/api/v1/projects", () => import("@/app/api/v1/projects/route")],
  ["/api/v1/projects/:projectId", () => import("@/app/api/v1/projects/[projectId]/route")],
  ["/api/v1/projects/:projectId/members", () => import("@/app/api/v1/projects/[projectId]/members/route")],
  ["/api/v1/projects/:projectId/members/:userId", () => import("@/app/api/v1/projects/[projectId]/members/[userId]/route")],
  ["/api/v1/projects/:projectId/documents", () => import("@/app/api/v1/projects/[projectId]/documents/route")],
  ["/api/v1/projects/:projectId/speakers", () => import("@/app/api/v1/projects/[projectId]/speakers/route")],
  ["/api/v1/projects/:projectId/export", () => import("@/app/api/v1/projects/[projectId]/export/route")],
  ["/api/v1/documents/:documentId", () => import("@/app/api/v1/documents/[documentId]/route")],
  ["/api/v1/documents/:documentId/annotations", () => import("@/app/api/v1/documents/[documentId]/annotations/route")],
  ["/api/v1/speakers/:speakerId", () => import("@/app/api/v1/speakers/[speakerId]/route")],
  ["/api/v1/annotations/:annotationId", () => import("@/app/api/v1/annotations/[annotationId]/route")],
  ["/api/v1/annotations/:annotationId/restore", () => import("@/app/api/v1/annotations/[annotationId]/restore/route")],
  ["/api/v1/annotations/:annotationId/history", () => import("@/app/api/v1/annotations/[annotationId]/history/route")],
];

function match(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } {
  const parts = pathname.split("/");
  for (const [pattern, load] of ROUTES) {
    const expected = pattern.split("/");
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = expected.every((segment, i) => {
      const actual = parts[i] as string;
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(actual);
        return actual.length > 0;
      }
      return segment === actual;
    });
    if (ok) return { load, params };
  }
  throw new Error(`no route for ${pathname}`);
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
  const url = new URL(path, "http://sourcemark.test");
  const { load, params } = match(url.pathname);
  const route = await load();
  const handler = route[method as keyof RouteModule];
  if (!handler) throw new Error(`${method} not exported for ${url.pathname}`);
  const headers: Record<string, string> = { host: "sourcemark.test", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | Uint8Array | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get("content-type") ?? "").startsWith("application/json") && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${randomBytes(6).toString("hex")}@example.test`;
}

export async function newUser(tag = "user"): Promise<TestUser> {
  const email = uniqueEmail(tag);
  const user = await createUser({ email, password: "correct horse battery", name: tag });
  const { token } = await createApiToken(user.id, "test");
  return { id: user.id, email, token };
}

/** A project owned by `owner` with one document; returns their ids. */
export async function newProjectWithDocument(owner: TestUser, text = "On Monday, the minister said “we will act”.", title = "Test article") {
  const project = await call("POST", "/api/v1/projects", { token: owner.token, body: { name: `Project ${title}` } });
  const document = await call("POST", `/api/v1/projects/${project.body.id}/documents`, {
    token: owner.token,
    body: { title, text },
  });
  return { projectId: project.body.id as string, documentId: document.body.id as string };
}

export async function addMember(owner: TestUser, projectId: string, member: TestUser, role: string) {
  const result = await call("POST", `/api/v1/projects/${projectId}/members`, {
    token: owner.token,
    body: { email: member.email, role },
  });
  if (result.status !== 201) throw new Error(`addMember failed: ${result.text}`);
}
