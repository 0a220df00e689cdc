// Span matching and its scores, on small tables counted by hand.

import { describe, expect, it } from "vitest";
import { addTallies, compareSpans, matchSpans, overlapsEnough, scoreTally, tallyMatches, type MatchableSpan } from "./span-matching";

const span = (start: number, end: number, label = "claim", speakerId: string | null = null): MatchableSpan => ({
  start,
  end,
  label,
  speakerId,
});

describe("overlapsEnough: shared code points ≥ half of the shorter span", () => {
  it.each([
    ["identical", span(0, 10), span(0, 10), true],
    ["exactly half of the shorter", span(0, 10), span(5, 15), true],
    ["just under half", span(0, 10), span(6, 16), false],
    ["the shorter inside the longer", span(0, 100), span(40, 50), true],
    ["half of the shorter, a small part of the longer", span(0, 100), span(96, 104), true],
    ["touching, nothing shared", span(0, 10), span(10, 20), false],
    ["an empty span shares nothing", span(5, 5), span(0, 10), false],
  ])("%s", (_case, x, y, expected) => {
    expect(overlapsEnough(x, y)).toBe(expected);
    expect(overlapsEnough(y, x)).toBe(expected);
  });
});

describe("exact vs overlap on one table", () => {
  // Reference a, and b:
  //   a1 [0,10) claim s1    b1 [0,10)  claim s1   exact; same label, same speaker
  //   a2 [20,30) quote s2   b2 [22,30) quote s9   overlap only (8 ≥ 8/2); other speaker
  //   a3 [40,50) claim –    b3 [40,50) quote –    exact; other label; both without speaker = same
  //   a4 [60,70) quote s3   b4 [66,80) quote s3   shares 4 < 10/2: no match
  //                          b5 [90,95) claim      nothing
  const a = [span(0, 10, "claim", "s1"), span(20, 30, "quote", "s2"), span(40, 50, "claim"), span(60, 70, "quote", "s3")];
  const b = [span(0, 10, "claim", "s1"), span(22, 30, "quote", "s9"), span(40, 50, "quote"), span(66, 80, "quote", "s3"), span(90, 95)];

  it("exact: 2 matched, P 2/5, R 2/4, F1 4/9; labels 1/2, speakers 2/2", () => {
    expect(matchSpans(a, b, "exact")).toEqual([
      [0, 0],
      [2, 2],
    ]);
    expect(scoreTally(tallyMatches(a, b, "exact"))).toEqual({
      precision: 2 / 5,
      recall: 2 / 4,
      f1: 4 / 9,
      matched: 2,
      aOnly: 2,
      bOnly: 3,
      labelAgreement: 1 / 2,
      speakerAgreement: 1,
    });
  });

  it("overlap: 3 matched, P 3/5, R 3/4, F1 6/9; labels 2/3, speakers 2/3", () => {
    expect(matchSpans(a, b, "overlap")).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(scoreTally(tallyMatches(a, b, "overlap"))).toEqual({
      precision: 3 / 5,
      recall: 3 / 4,
      f1: 6 / 9,
      matched: 3,
      aOnly: 1,
      bOnly: 2,
      labelAgreement: 2 / 3,
      speakerAgreement: 2 / 3,
    });
  });

  it("compareSpans gives both modes from one pass", () => {
    expect(compareSpans(a, b)).toEqual({ exact: tallyMatches(a, b, "exact"), overlap: tallyMatches(a, b, "overlap") });
  });

  it("F1 is symmetric; precision and recall swap", () => {
    const forward = scoreTally(tallyMatches(a, b, "overlap"));
    const backward = scoreTally(tallyMatches(b, a, "overlap"));
    expect(backward.f1).toBe(forward.f1);
    expect(backward.precision).toBe(forward.recall);
    expect(backward.recall).toBe(forward.precision);
  });
});

describe("one-to-one matching", () => {
  it("pairs as many spans as possible where greedy by overlap would not", () => {
    // x [0,10) and p [2,12) share 8, the largest overlap; greedy takes it, leaving y [10,14) (which
    // only p matches: 2 ≥ 4/2) and q [0,4) (only x) unpaired. The maximum is x–q and y–p.
    const a = [span(0, 10), span(10, 14)];
    const b = [span(2, 12), span(0, 4)];
    expect(matchSpans(a, b, "overlap")).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("prefers the larger overlap when either pairing has as many pairs", () => {
    const a = [span(0, 10)];
    const b = [span(4, 12), span(1, 11)];
    expect(matchSpans(a, b, "overlap")).toEqual([[0, 1]]);
  });

  it("a span is matched once: a duplicate on one side is left over", () => {
    expect(tallyMatches([span(0, 10)], [span(0, 10), span(0, 10)], "exact")).toEqual({
      matched: 1,
      aOnly: 0,
      bOnly: 1,
      sameLabel: 1,
      sameSpeaker: 1,
    });
  });

  it("where offsets tie, pairs the same label, then the same speaker", () => {
    const a = [span(0, 10, "claim", "s1"), span(0, 10, "quote", "s1"), span(0, 10, "quote", "s2")];
    const b = [span(0, 10, "quote", "s2"), span(0, 10, "quote", "s1"), span(0, 10, "claim", "s1")];
    const tally = tallyMatches(a, b, "exact");
    expect(tally).toEqual({ matched: 3, aOnly: 0, bOnly: 0, sameLabel: 3, sameSpeaker: 3 });
  });

  it("finds matches among many interleaved spans", () => {
    // Thirty spans of 10 each way, b shifted by 3: every a[i] matches b[i] (7 ≥ 5) and nothing else.
    const a = Array.from({ length: 30 }, (_, i) => span(i * 12, i * 12 + 10));
    const b = a.map((s) => span(s.start + 3, s.end + 3));
    expect(tallyMatches(a, b, "overlap").matched).toBe(30);
    expect(tallyMatches(a, b, "exact").matched).toBe(0);
  });
});

describe("scores where something is missing", () => {
  it("neither annotator marked anything: every score is null", () => {
    expect(scoreTally(tallyMatches([], [], "overlap"))).toEqual({
      precision: null,
      recall: null,
      f1: null,
      matched: 0,
      aOnly: 0,
      bOnly: 0,
      labelAgreement: null,
      speakerAgreement: null,
    });
  });

  it("b marked nothing: recall and F1 are 0, precision is undefined", () => {
    expect(scoreTally(tallyMatches([span(0, 5)], [], "overlap"))).toMatchObject({
      precision: null,
      recall: 0,
      f1: 0,
      labelAgreement: null,
    });
  });

  it("summing tallies over documents is a micro average", () => {
    // Document 1: 1 of 1 matched each way. Document 2: a has 3 spans, b 1, 1 matched.
    const first = tallyMatches([span(0, 5)], [span(0, 5)], "exact");
    const second = tallyMatches([span(0, 5), span(10, 15), span(20, 25)], [span(10, 15)], "exact");
    expect(scoreTally(addTallies(first, second))).toMatchObject({ matched: 2, aOnly: 2, bOnly: 0, precision: 1, recall: 2 / 4, f1: 4 / 6 });
  });
});

describe("matchSpans finds a maximum matching", () => {
  /** Largest one-to-one matching by trying every assignment (fine for six spans a side). */
  function bruteForce(a: readonly MatchableSpan[], b: readonly MatchableSpan[]): number {
    const best = (i: number, used: number): number => {
      if (i === a.length) return 0;
      let result = best(i + 1, used);
      b.forEach((y, j) => {
        if (!(used & (1 << j)) && overlapsEnough(a[i] as MatchableSpan, y)) result = Math.max(result, 1 + best(i + 1, used | (1 << j)));
      });
      return result;
    };
    return best(0, 0);
  }

  it("on 500 random small tables, as many pairs as exhaustive search, each pair valid and used once", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const randomSpans = () =>
      Array.from({ length: 1 + next(6) }, () => {
        const start = next(40);
        return span(start, start + 1 + next(15));
      });
    for (let round = 0; round < 500; round++) {
      const a = randomSpans();
      const b = randomSpans();
      const pairs = matchSpans(a, b, "overlap");
      expect(pairs.length).toBe(bruteForce(a, b));
      expect(new Set(pairs.map(([i]) => i)).size).toBe(pairs.length);
      expect(new Set(pairs.map(([, j]) => j)).size).toBe(pairs.length);
      for (const [i, j] of pairs) expect(overlapsEnough(a[i] as MatchableSpan, b[j] as MatchableSpan)).toBe(true);
    }
  });
});
