// Rules every annotation span obeys, whichever way it arrives (API, web, import, an accepted
// suggestion): offsets checked against the frozen text (whole characters, no whitespace at either
// end: checkSpan), exact/prefix/suffix derived from it, and the quote kind consistent with the label.

import type { CodePointIndex } from "../text/code-points";
import { checkSpan, describeQuote, type TextQuote } from "../text/quote-selector";
import type { Label, QuoteKind } from "../model/vocabulary";

const OPENING_QUOTATION_MARKS = new Set(['"', "'", "“", "”", "„", "‟", "‘", "’", "‚", "‛", "«", "»", "‹", "›", "「", "『", "〝", "＂"]);

/** A quote starting with a quotation mark is a direct quote unless said otherwise. */
export function defaultQuoteKind(exact: string): QuoteKind | null {
  const first = String.fromCodePoint(exact.codePointAt(0) ?? 32);
  return OPENING_QUOTATION_MARKS.has(first) ? "direct" : null;
}

export type SpanCheck = { ok: true; quote: TextQuote } | { ok: false; fields: Record<string, string>; message: string };

/** Checks `[start, end)` (and `exact`, when given) against the text and describes the span. */
export function resolveSpan(index: CodePointIndex, start: number, end: number, exact?: string): SpanCheck {
  const problem = checkSpan(index, { start, end }, exact);
  if (problem) {
    const field =
      problem.code === "exact_mismatch"
        ? "exact"
        : problem.code === "out_of_range" || problem.code === "splits_character" || problem.code === "edge_whitespace"
          ? problem.field
          : problem.code === "empty"
            ? "end"
            : "start";
    return { ok: false, message: problem.message, fields: { [field]: problem.message } };
  }
  return { ok: true, quote: describeQuote(index, { start, end }) };
}

export type CueCheck = { ok: true; cueStart: number | null; cueEnd: number | null } | { ok: false; message: string };

/**
 * A cue (the reporting verb or phrase, issue 11) as a span of the same text: none when both ends
 * are absent, else both, obeying every rule a span does (whole characters, no edge whitespace).
 */
export function resolveCue(index: CodePointIndex, cueStart: unknown, cueEnd: unknown): CueCheck {
  const absent = (value: unknown) => value === undefined || value === null;
  if (absent(cueStart) && absent(cueEnd)) return { ok: true, cueStart: null, cueEnd: null };
  if (absent(cueStart) || absent(cueEnd)) return { ok: false, message: "cue: cueStart and cueEnd go together" };
  const problem = checkSpan(index, { start: cueStart as number, end: cueEnd as number });
  if (problem) return { ok: false, message: `cue: ${problem.message}` };
  return { ok: true, cueStart: cueStart as number, cueEnd: cueEnd as number };
}

export type KindCheck = { ok: true; quoteKind: QuoteKind | null } | { ok: false; message: string };

/**
 * The quote kind to store: claims have none; a quote keeps the requested kind, or its current one,
 * or gets the default for its text.
 */
export function resolveQuoteKind(
  label: Label,
  requested: QuoteKind | null | undefined,
  current: QuoteKind | null,
  exact: string,
): KindCheck {
  if (label === "claim") {
    if (requested) return { ok: false, message: "only quotes have a quote kind" };
    return { ok: true, quoteKind: null };
  }
  if (requested !== undefined) return { ok: true, quoteKind: requested };
  return { ok: true, quoteKind: current ?? defaultQuoteKind(exact) };
}
