// A short-lived in-process cache of resolved credentials (token or session digest → actor), so a
// script's stream of requests does not pay a database round trip each time just to learn who it
// is. Entries live at most TTL_MS; signing out evicts the session at once in this process.
// Authorisation is never cached: membership is checked per request, in the query that acts.

import type { Actor } from "./authenticate";

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { actor: Actor; expiresAt: number }>();

export function cachedActor(digest: string): Actor | null {
  const entry = entries.get(digest);
  if (!entry) return null;
  if (entry.expiresAt <= Date.now()) {
    entries.delete(digest);
    return null;
  }
  return entry.actor;
}

/** Remembers `actor` for `digest` until TTL_MS from now, or `notAfter` if that is sooner. */
export function rememberActor(digest: string, actor: Actor, notAfter?: Date): void {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  const expiresAt = Math.min(Date.now() + TTL_MS, notAfter?.getTime() ?? Infinity);
  entries.set(digest, { actor, expiresAt });
}

export function forgetCredential(digest: string): void {
  entries.delete(digest);
}
