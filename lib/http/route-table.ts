// Finds the App Router's API route handlers (app/**/route.ts) and matches request paths to them
// with Next's precedence (static segment, then [param], then [...catchAll]). Used by the production
// server to dispatch /api requests straight to the same handlers Next would run, and by tests.

import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { methodNotAllowed } from "../errors/domain-error";
import { errorResponse } from "./api-route";
import { bundledRoutes } from "./bundled-routes";

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteModule = Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "catchAll"; name: string };

export interface RouteEntry {
  pattern: string;
  segments: Segment[];
  module: RouteModule;
}

function parseSegment(part: string): Segment | null {
  if (/^\(.*\)$/.test(part)) return null; // route groups do not appear in URLs
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
  if (catchAll) return { kind: "catchAll", name: catchAll[1] as string };
  const param = /^\[(\w+)\]$/.exec(part);
  if (param) return { kind: "param", name: param[1] as string };
  return { kind: "static", value: part };
}

async function findRouteFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await findRouteFiles(full)));
    else if (/^route\.(ts|js)$/.test(entry.name)) files.push(full);
  }
  return files;
}

/** Every route file under `appDir/subdir`, with its directory relative to `appDir` ("api/v1/projects/[projectId]"). */
export async function findRoutes(appDir: string, subdir = "api"): Promise<{ directory: string; file: string }[]> {
  const files = await findRouteFiles(path.join(appDir, subdir));
  return files.sort().map((file) => ({ directory: path.relative(appDir, path.dirname(file)).split(path.sep).join("/"), file }));
}

/** Route entries for every route.ts under `appDir/subdir` (URL paths relative to `appDir`); from the bundle's own when it has them. */
export async function loadRouteTable(appDir: string, subdir = "api"): Promise<RouteEntry[]> {
  const modules: [directory: string, module: RouteModule | Promise<RouteModule>][] = bundledRoutes
    ? Object.entries(await bundledRoutes()).filter(([directory]) => directory === subdir || directory.startsWith(`${subdir}/`))
    : (await findRoutes(appDir, subdir)).map(({ directory, file }) => [
        directory,
        import(pathToFileURL(file).href) as Promise<RouteModule>,
      ]);
  return Promise.all(
    modules.map(async ([directory, module]) => {
      const parts = directory.split("/");
      const segments = parts.map(parseSegment).filter((s): s is Segment => s !== null);
      return { pattern: `/${parts.join("/")}`, segments, module: await module };
    }),
  );
}

const RANK = { static: 0, param: 1, catchAll: 2 } as const;

function matchSegments(segments: Segment[], parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const part = parts[i];
    if (segment.kind === "catchAll") {
      const rest = parts.slice(i);
      if (rest.length === 0) return null;
      params[segment.name] = rest.map(decodeURIComponent);
      return params;
    }
    if (part === undefined || part === "") return null;
    if (segment.kind === "static") {
      if (segment.value !== part) return null;
    } else {
      params[segment.name] = decodeURIComponent(part);
    }
  }
  return parts.length === segments.length ? params : null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? Infinity) - (b[i] ?? Infinity);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The best-matching route for `pathname`: the lowest rank segment by segment, as Next chooses. */
export function matchRoute(table: RouteEntry[], pathname: string): { entry: RouteEntry; params: Record<string, string | string[]> } | null {
  const parts = pathname.replace(/\/+$/, "").split("/").slice(1);
  let best: { entry: RouteEntry; params: Record<string, string | string[]>; rank: number[] } | null = null;
  for (const entry of table) {
    let params: Record<string, string | string[]> | null;
    try {
      params = matchSegments(entry.segments, parts);
    } catch {
      continue; // malformed percent-encoding
    }
    if (!params) continue;
    const rank = entry.segments.map((s) => RANK[s.kind]);
    if (!best || compareRanks(rank, best.rank) < 0) best = { entry, params, rank };
  }
  return best ? { entry: best.entry, params: best.params } : null;
}

function allowedMethods(entry: RouteEntry): string {
  return HTTP_METHODS.filter((m) => entry.module[m] || (m === "HEAD" && entry.module.GET) || m === "OPTIONS").join(", ");
}

/** 405 in the API's error shape, with the route's Allow header. */
export function methodNotAllowedResponse(entry: RouteEntry, method: string): Response {
  const allow = allowedMethods(entry);
  const response = errorResponse(methodNotAllowed(method, allow));
  response.headers.set("Allow", allow);
  return response;
}

/** Runs the matched handler; answers HEAD from GET, OPTIONS with Allow, other missing methods 405. */
export async function dispatch(entry: RouteEntry, params: Record<string, string | string[]>, request: Request): Promise<Response> {
  const method = request.method.toUpperCase() as (typeof HTTP_METHODS)[number];
  const handler = entry.module[method] ?? (method === "HEAD" ? entry.module.GET : undefined);
  if (!handler) {
    if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allowedMethods(entry) } });
    return methodNotAllowedResponse(entry, request.method);
  }
  const response = await handler(request, { params: Promise.resolve(params) });
  if (method !== "HEAD") return response;
  // The GET's body is not sent: cancel it, so a streamed body (an export) stops and frees its resources.
  await response.body?.cancel().catch(() => undefined);
  return new Response(null, { status: response.status, headers: response.headers });
}
