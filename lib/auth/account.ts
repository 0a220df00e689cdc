// A person's own account: their API tokens (list with last use, create with an optional expiry,
// revoke), their web sessions (list, end one, end all but this one) and their password (changing it
// ends every other session). Ending a credential takes effect at once in every app process: the
// credential caches are told through PostgreSQL (lib/changes/change-feed.ts).

import { z } from "zod";
import { pool, type Queryable } from "../db/client";
import { withTransaction } from "../db/transaction";
import { notFound, unauthorized, validationFailed } from "../errors/domain-error";
import type { InputReader } from "../validation/parse-input";
import type { ChangePasswordInput, CreateTokenInput } from "../validation/schemas";
import type { Actor } from "./authenticate";
import { CREDENTIALS_CHANNEL } from "../changes/change-feed";
import { forgetCredential } from "./credential-cache";
import { passwordProblem } from "./password-policy";
import { hashPassword, verifyPassword } from "./passwords";
import { digestSecret, newSecret } from "./secret-token";

export const API_TOKEN_PREFIX = "smk_";

export const tokenViewSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  expiresAt: z.string(),
  /** The session this request is made with. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Evicts credentials from every process's cache (this one at once, the others on notification). */
async function forgetEverywhere(q: Queryable, digests: string[]): Promise<void> {
  for (const digest of digests) {
    forgetCredential(digest);
    await q.query("SELECT pg_notify($1, $2)", [CREDENTIALS_CHANNEL, digest]);
  }
}

/** Creates an API token; the secret is in the answer only, never stored (its SHA-256 is). */
export async function createApiToken(
  userId: string,
  label?: string | null,
  expiresInDays?: number | null,
): Promise<TokenView & { token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const { rows } = await pool().query<{ id: string; created_at: Date; expires_at: Date | null }>(
    `INSERT INTO api_tokens (token_hash, user_id, label, expires_at)
     VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END)
     RETURNING id, created_at, expires_at`,
    [digestSecret(token), userId, label ?? null, expiresInDays ?? null],
  );
  const row = rows[0] as { id: string; created_at: Date; expires_at: Date | null };
  return {
    id: row.id,
    token,
    label: label ?? null,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: null,
    expiresAt: iso(row.expires_at),
  };
}

export async function createToken(actor: Actor, input: InputReader<CreateTokenInput>): Promise<TokenView & { token: string }> {
  const { label, expiresInDays } = await input();
  return createApiToken(actor.id, label, expiresInDays);
}

export async function listTokens(actor: Actor): Promise<TokenView[]> {
  const { rows } = await pool().query<{
    id: string;
    label: string | null;
    created_at: Date;
    last_used_at: Date | null;
    expires_at: Date | null;
  }>("SELECT id, label, created_at, last_used_at, expires_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id", [actor.id]);
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: iso(r.last_used_at),
    expiresAt: iso(r.expires_at),
  }));
}

export async function revokeToken(actor: Actor, tokenId: string): Promise<void> {
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ token_hash: string }>(
      "DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 RETURNING token_hash",
      [tokenId, actor.id],
    );
    if (!rows[0]) throw notFound("Token");
    await forgetEverywhere(client, [rows[0].token_hash]);
  });
}

/** Revokes every token of a user (the admin command); returns how many. */
export async function revokeAllTokens(userId: string): Promise<number> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ token_hash: string }>("DELETE FROM api_tokens WHERE user_id = $1 RETURNING token_hash", [userId]);
    await forgetEverywhere(
      client,
      rows.map((r) => r.token_hash),
    );
    return rows.length;
  });
}

export async function listSessions(actor: Actor, currentSecret: string | null): Promise<SessionView[]> {
  const current = currentSecret ? digestSecret(currentSecret) : null;
  const { rows } = await pool().query<{
    id: string;
    token_hash: string;
    user_agent: string | null;
    created_at: Date;
    last_seen_at: Date | null;
    expires_at: Date;
  }>(
    "SELECT id, token_hash, user_agent, created_at, last_seen_at, expires_at FROM sessions WHERE user_id = $1 AND expires_at > now() ORDER BY created_at DESC, id",
    [actor.id],
  );
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: iso(r.last_seen_at),
    expiresAt: r.expires_at.toISOString(),
    current: r.token_hash === current,
  }));
}

export async function endSession(actor: Actor, sessionId: string): Promise<void> {
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ token_hash: string }>(
      "DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING token_hash",
      [sessionId, actor.id],
    );
    if (!rows[0]) throw notFound("Session");
    await forgetEverywhere(client, [rows[0].token_hash]);
  });
}

/** Ends every session of the user but the one with `keepSecret` (all of them when null); returns how many. */
export async function endOtherSessions(userId: string, keepSecret: string | null, q?: Queryable): Promise<number> {
  const work = async (client: Queryable) => {
    const { rows } = await client.query<{ token_hash: string }>(
      "DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING token_hash",
      [userId, keepSecret ? digestSecret(keepSecret) : null],
    );
    await forgetEverywhere(
      client,
      rows.map((r) => r.token_hash),
    );
    return rows.length;
  };
  return q ? work(q) : withTransaction(work);
}

/** Sets a new password (after checking the current one) and ends every other session. */
export async function changePassword(
  actor: Actor,
  currentSecret: string | null,
  input: InputReader<ChangePasswordInput>,
): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword } = await input();
  const problem = passwordProblem(newPassword, actor.email);
  if (problem) throw validationFailed(`Invalid input: newPassword ${problem}.`, { newPassword: problem });
  const { rows } = await pool().query<{ password_hash: string | null }>("SELECT password_hash FROM users WHERE id = $1", [actor.id]);
  if (!(await verifyPassword(rows[0]?.password_hash ?? null, currentPassword))) throw unauthorized("The current password is wrong.");
  const hash = await hashPassword(newPassword);
  return withTransaction(async (client) => {
    await client.query("UPDATE users SET password_hash = $2 WHERE id = $1", [actor.id, hash]);
    return { endedSessions: await endOtherSessions(actor.id, currentSecret, client) };
  });
}

/** The admin command's password reset: a new password, and every session ended. */
export async function resetPassword(userId: string, newPassword: string): Promise<{ endedSessions: number }> {
  const hash = await hashPassword(newPassword);
  return withTransaction(async (client) => {
    await client.query("UPDATE users SET password_hash = $2 WHERE id = $1", [userId, hash]);
    return { endedSessions: await endOtherSessions(userId, null, client) };
  });
}
