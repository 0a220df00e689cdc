// Extended grapheme clusters (what a reader sees as one character: 👍🏽, 👨‍👩‍👧, 🇯🇵, e + U+0301) over
// a CodePointIndex. A span may start or end only between clusters; offsets are code points.
//
// Boundaries come from Intl.Segmenter, run only over the few characters around the offset asked
// about: between the nearest points before and after it that are always boundaries — between two
// ASCII characters other than CR LF (neither extends nor joins: rule GB999), after a line feed
// (GB4), or the text's ends. Never over a whole text: V8's segmenter slows down more than
// quadratically on long strings (a 118,000-character text took 29 s, a 100,000-word article did
// not finish), and the workspace asks on every selection.

import type { CodePointIndex } from "./code-points";

/** A cluster of more than one code point: `[start, end)` in code points. */
export interface Cluster {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Is UTF-16 offset `j` of `text` a cluster boundary whatever the characters around it? */
function surelyBoundary(text: string, j: number): boolean {
  if (j <= 0 || j >= text.length) return true;
  const before = text.charCodeAt(j - 1);
  const after = text.charCodeAt(j);
  if (before === 10) return true;
  return before < 0x80 && after < 0x80 && !(before === 13 && after === 10);
}

/** The cluster that `point` (a code point offset) falls strictly inside, or null at a boundary. */
export function clusterAround(index: CodePointIndex, point: number): Cluster | null {
  if (point <= 0 || point >= index.length) return null;
  const { text } = index;
  const unit = index.toUtf16(point);
  if (surelyBoundary(text, unit)) return null;
  let from = unit - 1;
  while (!surelyBoundary(text, from)) from--;
  let to = unit + 1;
  while (!surelyBoundary(text, to)) to++;
  for (const { index: offset, segment } of segmenter.segment(text.slice(from, to))) {
    const start = from + offset;
    const end = start + segment.length;
    if (start >= unit) break;
    if (end > unit) return { start: index.toCodePoint(start), end: index.toCodePoint(end) };
  }
  return null;
}

/** The span widened to whole clusters: a start or end inside one moves to its edge, outwards. */
export function widenToClusters(index: CodePointIndex, start: number, end: number): { start: number; end: number } {
  return { start: clusterAround(index, start)?.start ?? start, end: clusterAround(index, end)?.end ?? end };
}
