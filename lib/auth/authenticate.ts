// Who is calling: an API token (`Authorization: Bearer`) or the web session cookie. Returns the
// actor or throws 401. Cookie-authenticated writes must come from our own origin (CSRF guard).

import { z } from "zod";
import { pool } from "../db/client";
import { badRequest, forbidden, unauthorized } from "../errors/domain-error";
import { clientAddress, isSameOrigin } from "../http/public-origin";
import { countBadToken, ensureTokensAllowed } from "./rate-limits";
import { cachedActor, rememberActor } from "./credential-cache";
import { digestSecret } from "./secret-token";

export const SESSION_COOKIE = "sourcemark_session";

/** The caller's account, as GET /api/v1/me shows it. */
export const actorSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

async function actorFromToken(token: string): Promise<Actor | null> {
  const digest = digestSecret(token);
  const cached = cachedActor(digest);
  if (cached) return cached;
  const { rows } = await pool().query<Actor & { token_id: string; last_used_at: Date | null; expires_at: Date | null }>(
    `SELECT u.id, u.email, u.name, t.id AS token_id, t.last_used_at, t.expires_at
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [digest],
  );
  const row = rows[0];
  if (!row) return null;
  rememberActor(digest, { id: row.id, email: row.email, name: row.name }, row.expires_at ?? undefined);
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    // Best effort and off the request's path: a lost "last used" stamp harms nobody.
    pool()
      .query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.token_id])
      .catch(() => undefined);
  }
  return { id: row.id, email: row.email, name: row.name };
}

export async function actorFromSession(secret: string): Promise<Actor | null> {
  const digest = digestSecret(secret);
  const cached = cachedActor(digest);
  if (cached) return cached;
  const { rows } = await pool().query<Actor & { expires_at: Date; session_id: string; last_seen_at: Date | null }>(
    `SELECT u.id, u.email, u.name, s.expires_at, s.id AS session_id, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [digest],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_seen_at || Date.now() - row.last_seen_at.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    pool()
      .query("UPDATE sessions SET last_seen_at = now() WHERE id = $1", [row.session_id])
      .catch(() => undefined);
  }
  const actor = { id: row.id, email: row.email, name: row.name };
  rememberActor(digest, actor, row.expires_at);
  return actor;
}

/** The caller, or null when the request carries no credentials at all. Bad credentials throw 401. */
export async function authenticate(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized("Authorization header must be `Bearer <token>`.");
    const address = clientAddress(request);
    ensureTokensAllowed(address);
    const actor = await actorFromToken(match[1] as string);
    if (!actor) {
      await countBadToken(address);
      throw unauthorized("The API token is not valid.");
    }
    return actor;
  }
  const secret = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (!secret) return null;
  const actor = await actorFromSession(secret);
  if (!actor) return null;
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
    throw forbidden("Cross-site request refused.");
  }
  return actor;
}

export async function requireActor(request: Request): Promise<Actor> {
  const actor = await authenticate(request);
  if (!actor) throw unauthorized();
  return actor;
}

/**
 * For the sign-in, sign-up and sign-out forms: the request must come from our own pages and carry
 * JSON, so a page elsewhere cannot sign a visitor in (or out) with a form of its own (login CSRF).
 */
export function requireOwnForm(request: Request): void {
  if (!isSameOrigin(request)) throw forbidden("Cross-site request refused.");
  // Browsers send a form (or text/plain) body with its content type, never as JSON.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== undefined && type !== "application/json") throw badRequest("Content-Type must be application/json.");
}
