// Document texts with their code point indexes (and the project each belongs to), cached in
// memory. Texts never change after import and a document never moves between projects, so a cached
// entry can never be stale; the cache only bounds memory (least recently used goes first).

import { pool } from "../db/client";
import { CodePointIndex } from "../text/code-points";

const MAX_CACHED_UNITS = 64 * 1024 * 1024; // UTF-16 code units across all cached texts

export interface CachedDocument {
  projectId: string;
  index: CodePointIndex;
}

const cache = new Map<string, CachedDocument>();
let cachedUnits = 0;

function remember(documentId: string, entry: CachedDocument): void {
  cache.set(documentId, entry);
  cachedUnits += entry.index.text.length;
  for (const [id, old] of cache) {
    if (cachedUnits <= MAX_CACHED_UNITS || id === documentId) break;
    cache.delete(id);
    cachedUnits -= old.index.text.length;
  }
}

/** The text of a document with its code point index and its project; null if there is no such document. */
export async function cachedDocument(documentId: string): Promise<CachedDocument | null> {
  const hit = cache.get(documentId);
  if (hit) {
    cache.delete(documentId);
    cache.set(documentId, hit);
    return hit;
  }
  const { rows } = await pool().query<{ text: string; project_id: string }>("SELECT text, project_id FROM documents WHERE id = $1", [
    documentId,
  ]);
  const row = rows[0];
  if (!row) return null;
  const entry = { projectId: row.project_id, index: new CodePointIndex(row.text) };
  remember(documentId, entry);
  return entry;
}

/** Drops a deleted document from this process's cache. */
export function forgetDocument(documentId: string): void {
  const entry = cache.get(documentId);
  if (!entry) return;
  cache.delete(documentId);
  cachedUnits -= entry.index.text.length;
}
