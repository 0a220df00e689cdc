// A short-lived in-process cache of resolved credentials (token or session digest → actor), so a
// script's stream of requests does not pay a database round trip each time just to learn who it
// is. Entries live at most TTL_MS; signing out evicts the session at once in this process.
// Authorisation is never cached: membership is checked per request, in the query that acts.

import { LRUCache } from "lru-cache";
import type { Actor } from "./authenticate";

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

const entries = new LRUCache<string, Actor>({ max: MAX_ENTRIES, ttl: TTL_MS });

export function cachedActor(digest: string): Actor | null {
  return entries.get(digest) ?? null;
}

/** Remembers `actor` for `digest` until TTL_MS from now, or `notAfter` if that is sooner. */
export function rememberActor(digest: string, actor: Actor, notAfter?: Date): void {
  const ttl = Math.min(TTL_MS, (notAfter?.getTime() ?? Infinity) - Date.now());
  if (ttl > 0) entries.set(digest, actor, { ttl });
  else entries.delete(digest);
}

export function forgetCredential(digest: string): void {
  entries.delete(digest);
}
