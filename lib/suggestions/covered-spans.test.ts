import { describe, expect, it } from "vitest";
import { overlapTest, type Span } from "./covered-spans";

/** The rule spelled out, for comparison. */
function naive(spans: readonly Span[], span: Span): boolean {
  return spans.some((t) => t.start < span.end && span.start < t.end);
}

describe("overlapTest", () => {
  const annotations: Span[] = [
    { start: 10, end: 20 },
    { start: 0, end: 3 },
    { start: 30, end: 100 },
    { start: 40, end: 45 },
  ];

  it.each([
    [{ start: 3, end: 10 }, false, "between two, touching both ends"],
    [{ start: 2, end: 4 }, true, "across an end"],
    [{ start: 19, end: 25 }, true, "across an end, the other side"],
    [{ start: 20, end: 30 }, false, "touching on both sides"],
    [{ start: 50, end: 60 }, true, "inside a long span that a later, shorter one does not reach"],
    [{ start: 5, end: 50 }, true, "around several"],
    [{ start: 100, end: 120 }, false, "after all"],
    [{ start: 11, end: 12 }, true, "inside"],
  ])("%o overlaps: %s (%s)", (span, expected) => {
    expect(overlapTest(annotations)(span)).toBe(expected);
    expect(naive(annotations, span)).toBe(expected);
  });

  it("says no for everything when there is nothing to overlap", () => {
    expect(overlapTest([])({ start: 0, end: 10 })).toBe(false);
  });

  it("agrees with the rule spelled out on random spans, sorted or not", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const spanOf = (): Span => {
      const start = random(1000);
      return { start, end: start + 1 + random(60) };
    };
    for (let round = 0; round < 20; round++) {
      const spans = Array.from({ length: random(50) }, spanOf);
      const sorted = [...spans].sort((a, b) => a.start - b.start);
      const test = overlapTest(spans);
      const sortedTest = overlapTest(sorted, true);
      for (let i = 0; i < 100; i++) {
        const span = spanOf();
        expect(test(span)).toBe(naive(spans, span));
        expect(sortedTest(span)).toBe(naive(spans, span));
      }
    }
  });
});
