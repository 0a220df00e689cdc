// TextQuote/TextPosition selectors (W3C Web Annotation): a span is stored with its position and its
// quote (exact text plus up to 32 code points of context either side), so it can be checked and
// re-anchored. Offsets are code points.

import { CodePointIndex } from "./code-points";

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
  | { code: "exact_mismatch"; message: string; actual: string };

/**
 * Checks a span against its text: integer offsets with 0 <= start < end <= length and, when given,
 * an `exact` equal to text[start:end]. Returns null when the span is valid.
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
  if (exact !== undefined) {
    const actual = index.slice(start, end);
    if (actual !== exact) {
      return { code: "exact_mismatch", message: "exact does not equal text[start:end]", actual };
    }
  }
  return null;
}
