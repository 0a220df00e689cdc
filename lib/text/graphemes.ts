// Extended grapheme clusters (what a reader sees as one character: 👍🏽, 👨‍👩‍👧, 🇯🇵, e + U+0301) over
// a CodePointIndex. A span may start or end only between clusters; offsets are code points.
// Boundaries come from Intl.Segmenter, computed once per indexed text and kept beside it.

import { lowerBound, type CodePointIndex } from "./code-points";

/** A cluster of more than one code point: `[start, end)` in code points. */
export interface Cluster {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Per text: the starts of clusters longer than one code point, and their ends (both ascending). */
const multiPointClusters = new WeakMap<CodePointIndex, { starts: Int32Array; ends: Int32Array }>();

function clustersOf(index: CodePointIndex): { starts: Int32Array; ends: Int32Array } {
  let found = multiPointClusters.get(index);
  if (found) return found;
  const starts: number[] = [];
  const ends: number[] = [];
  const { text } = index;
  for (const { index: unit, segment } of segmenter.segment(text)) {
    // A single BMP character or a lone surrogate pair is one code point: nothing inside it to split.
    if (segment.length === 1 || (segment.length === 2 && segment.codePointAt(0)! > 0xffff)) continue;
    starts.push(index.toCodePoint(unit));
    ends.push(index.toCodePoint(unit + segment.length));
  }
  found = { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  multiPointClusters.set(index, found);
  return found;
}

/** The cluster that `point` (a code point offset) falls strictly inside, or null at a boundary. */
export function clusterAround(index: CodePointIndex, point: number): Cluster | null {
  const { starts, ends } = clustersOf(index);
  // The last cluster starting before `point`.
  const i = lowerBound(starts, point) - 1;
  if (i < 0) return null;
  const start = starts[i] as number;
  const end = ends[i] as number;
  return point > start && point < end ? { start, end } : null;
}

/** The span widened to whole clusters: a start or end inside one moves to its edge, outwards. */
export function widenToClusters(index: CodePointIndex, start: number, end: number): { start: number; end: number } {
  return { start: clusterAround(index, start)?.start ?? start, end: clusterAround(index, end)?.end ?? end };
}
