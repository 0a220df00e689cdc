// Anchoring a span described by W3C selectors on a text, the way an annotation client does
// (hypothesis `anchoring/match-quote.ts`): the position first, when its text is the quote's; the
// same position read as UTF-16 units (what JavaScript tools write); else the quote's exact text,
// prefix and suffix choosing among repeats and the old position breaking ties; else a fuzzy match
// for small differences (diff-match-patch). Offsets in and out are code points unless said.

import DiffMatchPatch from "diff-match-patch";
import type { CodePointIndex } from "./code-points";
import { widenToClusters } from "./graphemes";
import { isOffset } from "./offset-units";
import type { TextPosition } from "./quote-selector";

export interface SpanSelectors {
  position?: TextPosition | null;
  quote?: { exact: string; prefix?: string | null; suffix?: string | null } | null;
}

/** How a span was found: its position as given, in UTF-16 units, its quote, or a fuzzy match of its quote. */
export type AnchorMethod = "position" | "position-utf16" | "quote" | "re-anchored";

export type Anchoring = { ok: true; start: number; end: number; exact: string; method: AnchorMethod } | { ok: false; message: string };

/** A fuzzy match may differ from the quote by at most this share of its length (edits). */
const MAX_FUZZY_DIFFERENCE = 0.2;
/** diff-match-patch matches patterns of at most 32 UTF-16 units (its bitap width). */
const MATCH_MAX_UNITS = 32;

/** Length of the common suffix of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** UTF-16 offsets of every occurrence of `exact` in `text`. */
function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function fuzzyMatch(index: CodePointIndex, exact: string, hintUnit: number): TextPosition | null {
  const { text } = index;
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = 0.4;
  // The position hint is weak evidence: a distance the size of the text costs little.
  dmp.Match_Distance = Math.max(1000, text.length);
  const startUnit = dmp.match_main(text, exact.slice(0, MATCH_MAX_UNITS), Math.min(hintUnit, text.length));
  if (startUnit < 0) return null;
  // Where the quote ends in the text: map its end through a diff against a window a little longer.
  const slack = Math.ceil(exact.length * MAX_FUZZY_DIFFERENCE) + 1;
  const window = text.slice(startUnit, startUnit + exact.length + slack);
  const windowDiff = dmp.diff_main(exact, window);
  const trailing = windowDiff.at(-1);
  // The window's extra text after the quote is a trailing insertion, not part of the match.
  const matched = trailing && trailing[0] === DiffMatchPatch.DIFF_INSERT ? window.length - trailing[1].length : window.length;
  const endUnit = startUnit + matched;
  const found = text.slice(startUnit, endUnit);
  const distance = dmp.diff_levenshtein(dmp.diff_main(exact, found));
  if (distance > Math.max(1, Math.floor(exact.length * MAX_FUZZY_DIFFERENCE))) return null;
  // A fuzzy match may end inside a character: take it whole.
  return widenToClusters(index, index.toCodePoint(startUnit, "down"), index.toCodePoint(endUnit, "up"));
}

/** Finds the span the selectors describe in the indexed text. */
export function anchorSpan(index: CodePointIndex, selectors: SpanSelectors): Anchoring {
  const { position, quote } = selectors;
  const exact = quote?.exact || null;
  const hasPosition = position && isOffset(position.start) && isOffset(position.end) && position.start < position.end;
  if (hasPosition) {
    const { start, end } = position;
    if (!exact) {
      if (end > index.length) return { ok: false, message: `offsets must lie within 0..${index.length} (code points)` };
      return { ok: true, start, end, exact: index.slice(start, end), method: "position" };
    }
    if (end <= index.length && index.slice(start, end) === exact) return { ok: true, start, end, exact, method: "position" };
    if (end <= index.text.length && index.text.slice(start, end) === exact) {
      return { ok: true, start: index.toCodePoint(start), end: index.toCodePoint(end), exact, method: "position-utf16" };
    }
  }
  if (!exact) return { ok: false, message: "neither a TextPositionSelector nor a TextQuoteSelector with exact text" };
  const hintUnit = hasPosition ? Math.min(position.start, index.text.length) : 0;
  const candidates = occurrences(index.text, exact);
  if (candidates.length > 0) {
    const prefix = quote?.prefix ?? "";
    const suffix = quote?.suffix ?? "";
    const score = (at: number) =>
      commonSuffix(index.text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(index.text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    let best = candidates[0] as number;
    for (const at of candidates) {
      const better = score(at) - score(best) || Math.abs(best - hintUnit) - Math.abs(at - hintUnit);
      if (better > 0) best = at;
    }
    return { ok: true, start: index.toCodePoint(best), end: index.toCodePoint(best + exact.length), exact, method: "quote" };
  }
  const fuzzy = fuzzyMatch(index, exact, hintUnit);
  if (fuzzy) return { ok: true, ...fuzzy, exact: index.slice(fuzzy.start, fuzzy.end), method: "re-anchored" };
  return {
    ok: false,
    message: hasPosition
      ? "neither the position (in code points or UTF-16 units) nor the quote's exact text matches the document"
      : "the quote's exact text is not in the document, not even approximately",
  };
}
