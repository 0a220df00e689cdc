// Code point indexes of document texts, cached in memory. Texts never change after import, so a
// cached index can never be stale; the cache only bounds memory (least recently used goes first).

import { pool } from "../db/client";
import { CodePointIndex } from "../text/code-points";

const MAX_CACHED_UNITS = 64 * 1024 * 1024; // UTF-16 code units across all cached texts

const cache = new Map<string, CodePointIndex>();
let cachedUnits = 0;

function remember(documentId: string, index: CodePointIndex): void {
  cache.set(documentId, index);
  cachedUnits += index.text.length;
  for (const [id, old] of cache) {
    if (cachedUnits <= MAX_CACHED_UNITS || id === documentId) break;
    cache.delete(id);
    cachedUnits -= old.text.length;
  }
}

/** The text of a document with its code point index; null if there is no such document. */
export async function documentTextIndex(documentId: string): Promise<CodePointIndex | null> {
  const hit = cache.get(documentId);
  if (hit) {
    cache.delete(documentId);
    cache.set(documentId, hit);
    return hit;
  }
  const { rows } = await pool().query<{ text: string }>("SELECT text FROM documents WHERE id = $1", [documentId]);
  const text = rows[0]?.text;
  if (text === undefined) return null;
  const index = new CodePointIndex(text);
  remember(documentId, index);
  return index;
}
