// Web sessions: a random secret in an httpOnly, SameSite=Lax cookie; the database keeps its digest.

import { db } from "../db/client";
import { SESSION_COOKIE } from "./authenticate";
import { forgetCredential } from "./credential-cache";
import { digestSecret, newSecret } from "./secret-token";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function createSession(userId: string, userAgent?: string | null): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db().session.create({
    data: { tokenHash: digestSecret(secret), userId, expiresAt, userAgent: userAgent?.slice(0, 500) ?? null, lastSeenAt: new Date() },
  });
  return { secret, expiresAt };
}

export async function deleteSession(secret: string): Promise<void> {
  const digest = digestSecret(secret);
  forgetCredential(digest);
  await db().session.deleteMany({ where: { tokenHash: digest } });
}

/** Set-Cookie value for a session; `secure` when the app is served over https. */
export function sessionCookie(secret: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(secret)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
