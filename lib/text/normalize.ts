// Rules for document text at import: line endings become LF (API.md), and text that PostgreSQL or
// UTF-8 cannot hold faithfully is refused rather than silently altered.

import { isWellFormedText } from "./code-points";

/** CRLF and lone CR become LF; nothing else changes. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Where code point offsets into `raw` land in normalizeNewlines(raw): each CRLF loses its CR, so
 * an offset moves back by the CRs dropped before it (an offset between CR and LF lands before the
 * LF); a lone CR becomes an LF and moves nothing. Null when `raw` has no CRLF (offsets are equal).
 * For imports whose files give offsets into the text as they hold it, with Windows line endings.
 */
export function newlineOffsetMap(raw: string): ((offset: number) => number) | null {
  if (!raw.includes("\r\n")) return null;
  const dropped: number[] = []; // code point offsets of the CRs of CRLFs, ascending
  let point = 0;
  for (let unit = 0; unit < raw.length; unit++) {
    const code = raw.charCodeAt(unit);
    if (code === 13 && raw.charCodeAt(unit + 1) === 10) dropped.push(point);
    // The low half of a surrogate pair is not a code point of its own.
    if (code < 0xdc00 || code > 0xdfff) point++;
  }
  return (offset) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dropped[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
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
