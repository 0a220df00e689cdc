// TextQuote/TextPosition selectors (W3C Web Annotation): a span is stored with its position and its
// quote (exact text plus up to 32 code points of context either side), so it can be checked and
// re-anchored. Offsets are code points.

import { CodePointIndex } from "./code-points";
import { clusterAround } from "./graphemes";

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
  | { code: "exact_mismatch"; message: string; actual: string };

/**
 * Checks a span against its text: integer offsets with 0 <= start < end <= length, each between two
 * characters as a reader sees them (extended grapheme clusters: an emoji with its skin tone, a ZWJ
 * family, a flag, a letter with its combining accents), and, when given, an `exact` equal to
 * text[start:end]. Returns null when the span is valid.
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
      const points = [...character].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
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
  return null;
}
