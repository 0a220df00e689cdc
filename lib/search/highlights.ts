// Search highlights: which code points of a text matched a query, as half-open [start, end)
// ranges. PostgreSQL marks the words its full-text match found (ts_headline, with marker
// characters); partial-word matches are found here. Snippets of long texts are cut around the
// first matches. Everything in code points, like every offset the API gives. Pure.

import { CodePointIndex } from "../text/code-points";

export type Range = [start: number, end: number];

/**
 * Markers for ts_headline's StartSel/StopSel: Unicode noncharacters, which no published text
 * should hold. A text that holds one anyway gets no full-text highlights (see markedRanges).
 */
export const MARK_START = "\uFDD0";
export const MARK_STOP = "\uFDD1";

/**
 * The ranges between MARK_START and MARK_STOP in `marked`, as code point offsets of `original`:
 * the text ts_headline marked, which is `original` with markers added (one character for one, see
 * sourcemark_search_text). Empty when the marked text without its markers is not as long as the
 * original (the original held a marker itself, or the database changed the text).
 */
export function markedRanges(marked: string, original: string): Range[] {
  const ranges: Range[] = [];
  let point = 0;
  let open = -1;
  for (const char of marked) {
    if (char === MARK_START) open = point;
    else if (char === MARK_STOP) {
      if (open >= 0 && point > open) ranges.push([open, point]);
      open = -1;
    } else point++;
  }
  return point === new CodePointIndex(original).length ? ranges : [];
}

/** A code point folded for matching: lower case when that is one code point, else itself. */
function fold(char: string): string {
  const lower = char.toLowerCase();
  return [...lower].length === 1 ? lower : char;
}

/** Every occurrence of `needle` in `text`, ignoring case, as code point ranges (not overlapping). */
export function substringRanges(text: string, needle: string): Range[] {
  const haystack = Array.from(text, fold);
  const wanted = Array.from(needle, fold);
  const ranges: Range[] = [];
  if (wanted.length === 0) return ranges;
  for (let i = 0; i + wanted.length <= haystack.length; i++) {
    let j = 0;
    while (j < wanted.length && haystack[i + j] === wanted[j]) j++;
    if (j === wanted.length) {
      ranges.push([i, i + wanted.length]);
      i += wanted.length - 1;
    }
  }
  return ranges;
}

/** Ranges sorted, with overlapping and touching ones joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export interface Snippet {
  /** The excerpt, with "…" where it was cut. */
  text: string;
  /** Code point offset in the whole text where the excerpt (after any leading "…") starts. */
  start: number;
  /** The matches inside the excerpt, in code points of `text`. */
  highlights: Range[];
}

/**
 * An excerpt of `text` around its first highlighted match (its start when none): about `radius`
 * code points either side, cut at spaces, with the highlights that fall inside it.
 */
export function snippetAround(text: string, ranges: readonly Range[], radius = 120): Snippet {
  const index = new CodePointIndex(text);
  const first = ranges[0];
  const centre = first ? first[0] : 0;
  let from = Math.max(0, centre - radius);
  let to = Math.min(index.length, (first ? first[1] : 0) + radius);
  if (!first) to = Math.min(index.length, 2 * radius);
  // Cut at whitespace, so that no word is halved (unless there is none within 20 code points).
  const before = index.slice(from, Math.min(from + 20, centre));
  const space = before.search(/\s/);
  if (from > 0 && space >= 0) from += new CodePointIndex(before.slice(0, space + 1)).length;
  const after = index.slice(Math.max(to - 20, from), to);
  const lastSpace = after.search(/\s\S*$/);
  if (to < index.length && lastSpace >= 0) to -= new CodePointIndex(after.slice(lastSpace)).length;
  const lead = from > 0 ? "…" : "";
  // Line breaks become spaces, one for one (so that the highlights still fit).
  const body = index.slice(from, to).replace(/\s/g, " ");
  const highlights = ranges
    .filter(([start, end]) => start >= from && end <= to)
    .map(([start, end]): Range => [start - from + lead.length, end - from + lead.length]);
  return { text: `${lead}${body}${to < index.length ? "…" : ""}`, start: from, highlights };
}
