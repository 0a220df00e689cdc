// Rules for document text at import: line endings become LF (API.md), and text that PostgreSQL or
// UTF-8 cannot hold faithfully is refused rather than silently altered.

import { isWellFormedText } from "./code-points";

/** CRLF and lone CR become LF; nothing else changes. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Why `text` cannot be stored as a document text, or null when it can. */
export function textStorageProblem(text: string): string | null {
  if (text.includes("\u0000")) return "text must not contain NUL characters";
  if (!isWellFormedText(text)) return "text contains an unpaired UTF-16 surrogate (not valid Unicode)";
  return null;
}

/**
 * The first string inside a parsed JSON value (or the value itself) that cannot be stored, with its
 * path ("documents.0.title") and the problem; null when every string can be stored. The one check
 * every JSON input goes through (lib/http/read-body.ts), so no field anywhere takes a NUL or a
 * lone surrogate.
 */
export function findUnstorableText(value: unknown, path = ""): { path: string; problem: string } | null {
  if (typeof value === "string") {
    const problem = textStorageProblem(value);
    return problem ? { path: path || "(body)", problem: problem.replace(/^text /, "") } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textStorageProblem(key);
      if (keyProblem) return { path: path || "(body)", problem: `a field name ${keyProblem.replace(/^text /, "")}` };
      const found = findUnstorableText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
