// Plain text cut into text and http(s) links, for rendering user-written text (comments) as text
// with clickable links: the caller renders each piece as a text node or an <a>, never as HTML. Pure.

export type TextPiece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A URL runs to the next whitespace; closing punctuation that usually ends the sentence stays out.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]'"’”]+$/;

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, "");
    const start = match.index;
    const href = safeHref(url);
    if (!href) continue;
    if (start > at) pieces.push({ kind: "text", text: text.slice(at, start) });
    pieces.push({ kind: "link", text: url, href });
    at = start + url.length;
  }
  if (at < text.length) pieces.push({ kind: "text", text: text.slice(at) });
  return pieces;
}

function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
