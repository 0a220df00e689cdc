// The one rule for which suggestions are shown: a suggestion that overlaps an annotation is not.
// Used by the server when it stores suggestions and by the workspace store after every change of
// its annotations, so it must stay cheap with thousands of each: built in one pass over the
// annotations (sorted by start), then O(log n) per question. Pure.

export interface Span {
  /** Half-open, in any unit both sides share. */
  start: number;
  end: number;
}

/**
 * A test of whether a span overlaps any of `spans` (shares at least one position with it).
 * `sorted`: the spans are already ordered by start (the workspace's list is), so no copy is sorted.
 */
export function overlapTest(spans: readonly Span[], sorted = false): (span: Span) => boolean {
  const list = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(list.length);
  // The greatest end among the first i + 1 spans: some span starting before `end` reaches past
  // `start` exactly when the greatest end among those that start before `end` does.
  const reach = new Float64Array(list.length);
  let furthest = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const span = list[i] as Span;
    starts[i] = span.start;
    furthest = Math.max(furthest, span.end);
    reach[i] = furthest;
  }
  return ({ start, end }) => {
    // How many spans start before `end`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) > start;
  };
}
