// TextQuote/TextPosition selectors (W3C Web Annotation): a span is stored with its position and its
// quote (exact text plus up to 32 code points of context either side), so it can be checked and
// re-anchored. Offsets are code points.

import { CodePointIndex } from "./code-points";
import { clusterAround, widenToClusters } from "./graphemes";

/** How many code points of context either side a TextQuoteSelector keeps (W3C / API.md). */
export const QUOTE_CONTEXT_LENGTH = 32;

export interface TextPosition {
  start: number;
  end: number;
}

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Describes the span `[start, end)` of an indexed text as a quote with its context. */
export function describeQuote(index: CodePointIndex, span: TextPosition, contextLength: number = QUOTE_CONTEXT_LENGTH): TextQuote {
  const { start, end } = span;
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - contextLength), start),
    suffix: index.slice(end, Math.min(index.length, end + contextLength)),
  };
}

export type SpanProblem =
  | { code: "not_integer"; message: string }
  | { code: "out_of_range"; message: string; field: "start" | "end" }
  | { code: "empty"; message: string }
  | { code: "splits_character"; message: string; field: "start" | "end" }
  | { code: "edge_whitespace"; message: string; field: "start" | "end" }
  | { code: "exact_mismatch"; message: string; actual: string };

/** Whitespace as spans may neither start nor end with it (Unicode White_Space: spaces, tabs, newlines, NBSP…). */
const WHITESPACE = /^\s$/u;

/** Is this character (one code point) whitespace? The workspace trims what this finds; the API refuses it. */
export function isWhitespace(character: string): boolean {
  return WHITESPACE.test(character);
}

/**
 * The span a selection of `[start, end)` stands for, as the API takes it: whitespace at both ends
 * trimmed, then widened to whole characters (grapheme clusters); null when only whitespace is
 * selected. What the workspace saves (editor-map.ts) and what scripts that pick spans use.
 */
export function snapSpan(index: CodePointIndex, start: number, end: number): TextPosition | null {
  let from = Math.max(0, start);
  let to = Math.min(index.length, end);
  while (from < to && isWhitespace(index.slice(from, from + 1))) from++;
  while (to > from && isWhitespace(index.slice(to - 1, to))) to--;
  if (from >= to) return null;
  return widenToClusters(index, from, to);
}

/** The code point `U+0020`, as errors name characters. */
function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Checks a span against its text: integer offsets with 0 <= start < end <= length, each between two
 * characters as a reader sees them (extended grapheme clusters: an emoji with its skin tone, a ZWJ
 * family, a flag, a letter with its combining accents), when given an `exact` equal to
 * text[start:end], and no whitespace at either end (tools downstream trim it — brat does — and
 * their offsets would disagree with ours). Returns null when the span is valid.
 */
export function checkSpan(index: CodePointIndex, span: TextPosition, exact?: string): SpanProblem | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return { code: "not_integer", message: "start and end must be integers (code points)" };
  }
  if (start < 0 || end > index.length) {
    const field = start < 0 || start > index.length ? "start" : "end";
    return { code: "out_of_range", field, message: `offsets must lie within 0..${index.length} (code points)` };
  }
  if (start >= end) {
    return { code: "empty", message: "start must be less than end" };
  }
  for (const field of ["start", "end"] as const) {
    const cluster = clusterAround(index, span[field]);
    if (cluster) {
      const character = index.slice(cluster.start, cluster.end);
      const points = [...character].map(codePointName).join(" ");
      return {
        code: "splits_character",
        field,
        message:
          `${field} ${span[field]} falls inside the character ${JSON.stringify(character)} (${points}, code points ` +
          `${cluster.start}..${cluster.end}); a span must start and end between characters`,
      };
    }
  }
  if (exact !== undefined) {
    const actual = index.slice(start, end);
    if (actual !== exact) {
      return { code: "exact_mismatch", message: "exact does not equal text[start:end]", actual };
    }
  }
  for (const [field, at] of [
    ["start", start],
    ["end", end - 1],
  ] as const) {
    const character = index.slice(at, at + 1);
    if (isWhitespace(character)) {
      return {
        code: "edge_whitespace",
        field,
        message:
          `${field} ${span[field]}: the span ${field === "start" ? "starts" : "ends"} with whitespace ` +
          `(${JSON.stringify(character)}, ${codePointName(character)}, at code point ${at}); trim it`,
      };
    }
  }
  return null;
}
