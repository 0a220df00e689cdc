// Calls the v1 route handlers in-process, the way the server dispatches them: the path is matched
// against the app/api route table (lib/http/route-table.ts) and the handler gets a real Request.

import path from "node:path";
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/auth/account";
import { REMOTE_ADDRESS_HEADER } from "@/lib/http/public-origin";
import { dispatch, loadRouteTable, matchRoute } from "@/lib/http/route-table";
import { createUser } from "@/lib/users/create-user";

const routes = await loadRouteTable(path.resolve(import.meta.dirname, "../../app"));

/**
 * The network address the calls of this test file come from (the server sets it from the socket):
 * each file is its own client, so per-address rate limits of one file do not leak into another.
 */
const CLIENT_ADDRESS = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

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
  bytes: Buffer;
  headers: Headers;
}

/** Dispatches a request to its route handler and returns the Response unread (streams). */
export async function dispatchRaw(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, "http://sourcemark.test");
  const route = matchRoute(routes, url.pathname);
  if (!route) throw new Error(`no route for ${url.pathname}`);
  const headers: Record<string, string> = { host: "sourcemark.test", [REMOTE_ADDRESS_HEADER]: CLIENT_ADDRESS, ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  return dispatch(route.entry, route.params, new Request(url, { method, headers }));
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
  const url = new URL(path, "http://sourcemark.test");
  const route = matchRoute(routes, url.pathname);
  if (!route) throw new Error(`no route for ${url.pathname}`);
  const headers: Record<string, string> = { host: "sourcemark.test", [REMOTE_ADDRESS_HEADER]: CLIENT_ADDRESS, ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | Uint8Array | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
  const response = await dispatch(route.entry, route.params, request);
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  let parsed: unknown = text;
  if ((response.headers.get("content-type") ?? "").startsWith("application/json") && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed as T, text, bytes, headers: response.headers };
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
export async function newProjectWithDocument(
  owner: TestUser,
  text = "On Monday, the minister said “we will act”.",
  title = "Test article",
) {
  const project = await call("POST", "/api/v1/projects", { token: owner.token, body: { name: `Project ${title}` } });
  const document = await call("POST", `/api/v1/projects/${project.body.id}/documents`, {
    token: owner.token,
    body: { title, text },
  });
  return { projectId: project.body.id as string, documentId: document.body.id as string };
}

/** Makes `member` a member of the project: the owner invites them, they accept. */
export async function addMember(owner: TestUser, projectId: string, member: TestUser, role: string) {
  const invited = await call("POST", `/api/v1/projects/${projectId}/members`, {
    token: owner.token,
    body: { email: member.email, role },
  });
  if (invited.status !== 202) throw new Error(`invitation failed: ${invited.text}`);
  const accepted = await call("POST", `/api/v1/invitations/${invited.body.id}/accept`, { token: member.token });
  if (accepted.status !== 200) throw new Error(`accepting failed: ${accepted.text}`);
}
