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
