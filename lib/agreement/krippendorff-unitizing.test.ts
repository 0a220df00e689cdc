// α_u against published values. Every expected number names its source:
// - Krippendorff, K. (2004) "Measuring the reliability of qualitative text analysis data", Quality &
//   Quantity 38:787–800, Appendix (the computational example, data of its Figure 2); the same example
//   is in Krippendorff (2004) Content Analysis, 2nd ed., p. 254. Data and values as transcribed by
//   DKPro Agreement's Krippendorff2004Test (citing the book) and by github.com/zyocum/text-alpha
//   (citing the paper's appendix; sample-data/figure-2-example, README: c 0.729, k 1.0, overall
//   0.859). The two transcriptions agree; the paper's own text was not at hand to quote directly.
// - DKPro Agreement (github.com/dkpro/dkpro-statistics, module dkpro-statistics-agreement, commit
//   f7f4f89136659c50f175ac8db7bfdfc3875b07db), src/test/java/org/dkpro/statistics/agreement/unitizing/:
//   Krippendorff2004Test, Krippendorff1995Test, UnitizingAgreementTest — test name given per case.
// - Hand computations, written out beside the case.

import { describe, expect, it } from "vitest";
import { segmentDistance, unitizingAlpha, type UnitizingUnit } from "./krippendorff-unitizing";

/** A unit as Krippendorff and DKPro write it: begin and length. */
const unit = (coder: string, category: string, begin: number, length: number): UnitizingUnit => ({
  coder,
  category,
  start: begin,
  end: begin + length,
});

/** DKPro's measureDistance(offset1, length1, category1, offset2, length2, category2): a null category is a gap. */
const distance = (b1: number, l1: number, c1: string | null, b2: number, l2: number, c2: string | null) =>
  segmentDistance({ start: b1, end: b1 + l1, unit: c1 !== null }, { start: b2, end: b2 + l2, unit: c2 !== null });

describe("Krippendorff (2004), Quality & Quantity 38:787–800, Appendix: the computational example", () => {
  // Observers i and j on the continuum [150, 450) (L = 300), categories c and k. We count from 0, so
  // every begin is shifted by −150; α_u depends only on lengths and differences.
  const B = 150;
  const study = {
    coders: ["i", "j"],
    continua: [
      {
        length: 300,
        units: [
          unit("i", "c", 225 - B, 70),
          unit("i", "c", 370 - B, 30),
          unit("j", "c", 220 - B, 80),
          unit("j", "c", 355 - B, 20),
          unit("j", "c", 400 - B, 20),
          unit("i", "k", 180 - B, 60),
          unit("i", "k", 300 - B, 50),
          unit("j", "k", 180 - B, 60),
          unit("j", "k", 300 - B, 50),
        ],
      },
    ],
  };
  const result = unitizingAlpha(study);

  it("category c: D_o = .0144, D_e = .0532, α_c = .7286 (Krippendorff2004Test.testCategoryAgreement)", () => {
    expect(result.byCategory.c?.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(result.byCategory.c?.expectedDisagreement).toBeCloseTo(0.0532, 4);
    expect(result.byCategory.c?.alpha).toBeCloseTo(0.7286, 4);
  });

  it("category k: D_o = 0, D_e = .0490, α_k = 1 (Krippendorff2004Test.testCategoryAgreement)", () => {
    expect(result.byCategory.k?.observedDisagreement).toBe(0);
    expect(result.byCategory.k?.expectedDisagreement).toBeCloseTo(0.049, 4);
    expect(result.byCategory.k?.alpha).toBe(1);
  });

  it("overall α_u = .859 (Krippendorff2004Test.testAgreement: .8591 ± .0005; text-alpha README: 0.859)", () => {
    // .8591 = 1 − .0144/(.0532 + .0490) from the rounded terms; unrounded it is .85867.
    expect(result.alpha).toBeCloseTo(0.859, 3);
  });

  it("the distances of the example (Krippendorff2004Test.testDistanceMetric1, testDistanceMetric2)", () => {
    expect(distance(2, 3, null, 2, 2, "X") + distance(5, 6, "X", 4, 7, null)).toBe(40);
    expect(distance(3, 2, null, 3, 2, "X") + distance(5, 6, "X", 5, 6, null)).toBe(40);
    expect(distance(5, 6, "X", 4, 2, "X")).toBe(26);
    expect(distance(5, 6, "X", 5, 2, "X")).toBe(16);
    expect(distance(5, 6, "X", 6, 2, "X")).toBe(10);
    expect(distance(5, 6, "X", 7, 2, "X")).toBe(8);
    expect(distance(5, 6, "X", 6, 4, "X")).toBe(2);
    expect(distance(5, 6, "X", 5, 6, "X")).toBe(0);
    expect(distance(225, 70, "c", 220, 80, "c")).toBe(50);
    expect(distance(370, 30, "c", 355, 20, "c")).toBe(850);
    expect(distance(400, 50, null, 400, 20, "c")).toBe(400);
  });
});

describe("DKPro Agreement, Krippendorff1995Test: the example of Krippendorff (1995: p. 57)", () => {
  // Four pairs of coders on 24 positions, one category each, stretched by `stretch` (DKPro's
  // createExample, integer-truncated as there). Krippendorff (1995) computed D_e by an earlier
  // formula; DKPro's comment notes a likely error in it, and DKPro checks the published D_e within
  // ±.005 and α within ±.02. We use the same tolerances: three decimals are not attainable against
  // those published numbers. D_o does not depend on D_e and is checked to DKPro's ±.00001.
  function example(stretch: number) {
    const s = (x: number) => Math.trunc(x * stretch);
    const u = (begin: number, length: number, coder: string, category: string) => unit(coder, category, s(begin), s(length));
    return unitizingAlpha({
      coders: ["0", "1"],
      continua: [
        {
          length: s(24),
          units: [
            // A  Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0   Bill: 0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 …
            ...[u(2, 8, "0", "A"), u(14, 6, "0", "A"), u(4, 4, "1", "A"), u(15, 2, "1", "A")],
            // B  John: eighteen 1s, six 0s   Jill: 1 1|1|1|1|1|1 1 1|1|fourteen 0s
            ...[u(0, 18, "0", "B"), u(0, 2, "1", "B"), u(2, 1, "1", "B"), u(3, 1, "1", "B"), u(4, 1, "1", "B")],
            ...[u(5, 1, "1", "B"), u(6, 3, "1", "B"), u(9, 1, "1", "B")],
            // C  Gerret and Gill
            ...[u(2, 6, "0", "C"), u(10, 2, "0", "C"), u(14, 4, "0", "C"), u(20, 2, "0", "C")],
            ...[u(0, 2, "1", "C"), u(4, 4, "1", "C"), u(10, 4, "1", "C"), u(16, 2, "1", "C"), u(20, 2, "1", "C")],
            // D  Heather and Hill: both cover the whole continuum, with different cuts
            ...[u(0, 2, "0", "D"), u(2, 8, "0", "D"), u(10, 4, "0", "D"), u(14, 6, "0", "D"), u(20, 4, "0", "D")],
            ...[u(0, 4, "1", "D"), u(4, 4, "1", "D"), u(8, 7, "1", "D"), u(15, 2, "1", "D"), u(17, 7, "1", "D")],
          ],
        },
      ],
    });
  }

  it("testAgreement: D_o A .03125, B 2.26736, C .02777, D .38715", () => {
    const { byCategory } = example(1);
    const observed = (category: string) => byCategory[category]?.observedDisagreement ?? NaN;
    expect(Math.abs(observed("A") - 0.03125)).toBeLessThan(0.00001);
    expect(Math.abs(observed("B") - 2.26736)).toBeLessThan(0.00001);
    expect(Math.abs(observed("C") - 0.02777)).toBeLessThan(0.00001);
    expect(Math.abs(observed("D") - 0.38715)).toBeLessThan(0.00001);
  });

  it.each([
    // [category, D_e, α] at stretch 1,200,000/24, as testAgreement states them
    ["A", 0.0699, 0.553],
    ["B", 1.17731, -0.926],
    ["C", 0.08642, 0.679],
    ["D", 0.41445, 0.066],
  ] as const)("testAgreement, stretched to 1,200,000: category %s, D_e %s ± .005, α %s ± .02", (category, expected, alpha) => {
    const result = example(1_200_000 / 24).byCategory[category];
    expect(Math.abs((result?.expectedDisagreement ?? NaN) - expected)).toBeLessThan(0.005);
    expect(Math.abs((result?.alpha ?? NaN) - alpha)).toBeLessThan(0.02);
  });

  it.each([
    // [stretch, D_e of C, its tolerance, α of C] from testVaryingLengths
    [12 / 24, 0.05494, 0.00001, 0.494],
    [120 / 24, 0.08234, 0.005, 0.663],
    [1200 / 24, 0.086, 0.005, 0.677],
    [12000 / 24, 0.08638, 0.005, 0.678],
    [120000 / 24, 0.08642, 0.005, 0.679],
    [1200000 / 24, 0.08642, 0.005, 0.679],
  ])("testVaryingLengths: stretch %s, category C: D_o .02777, D_e %s ± %s, α %s ± .02", (stretch, expected, tolerance, alpha) => {
    const result = example(stretch).byCategory.C;
    expect(Math.abs((result?.observedDisagreement ?? NaN) - 0.02777)).toBeLessThan(0.00001);
    expect(Math.abs((result?.expectedDisagreement ?? NaN) - expected)).toBeLessThan(tolerance);
    expect(Math.abs((result?.alpha ?? NaN) - alpha)).toBeLessThan(0.02);
  });
});

describe("DKPro Agreement, UnitizingAgreementTest", () => {
  it("testAgreement: r0 -11111111-, r1 --1-1-1--- gives D_o .9100, D_e .5351, α −.7003", () => {
    const result = unitizingAlpha({
      coders: ["r0", "r1"],
      continua: [{ length: 10, units: [unit("r0", "A", 1, 8), unit("r1", "A", 2, 1), unit("r1", "A", 4, 1), unit("r1", "A", 6, 1)] }],
    });
    // DKPro's tolerance, ±.0001: its .5351 is 289/540 = .53518… cut short.
    expect(Math.abs((result.byCategory.A?.observedDisagreement ?? NaN) - 0.91)).toBeLessThan(0.0001);
    expect(Math.abs((result.byCategory.A?.expectedDisagreement ?? NaN) - 0.5351)).toBeLessThan(0.0001);
    expect(Math.abs((result.byCategory.A?.alpha ?? NaN) - -0.7003)).toBeLessThan(0.0001);
  });

  it("testSingleAnnotationUnit: one unit of one of three raters gives α = 0 (D_o = D_e = 1/600)", () => {
    const result = unitizingAlpha({ coders: ["0", "1", "2"], continua: [{ length: 20, units: [unit("0", "X", 0, 1)] }] });
    expect(result.alpha).toBe(0);
  });

  it("testEmptyAnnotationSet: no units is undefined — DKPro NaN, here null", () => {
    const result = unitizingAlpha({ coders: ["0", "1", "2"], continua: [{ length: 20, units: [] }] });
    expect(result.alpha).toBeNull();
  });

  it("testOnlyZeroLengthUnitsWithDifferingCategories / …WithSameCategory: DKPro 0.0 (no information), here null", () => {
    for (const second of ["A", "B"]) {
      const result = unitizingAlpha({
        coders: ["0", "1"],
        continua: [{ length: 15, units: [unit("0", "A", 0, 0), unit("1", second, 0, 0)] }],
      });
      expect(result.alpha).toBeNull();
      expect(result.byCategory.A?.alpha).toBeNull();
    }
  });

  it("testZeroLengthUnitsMixedWithPositiveLengthUnits: α = 1", () => {
    const result = unitizingAlpha({
      coders: ["0", "1"],
      continua: [{ length: 15, units: [unit("0", "A", 0, 0), unit("0", "A", 2, 5), unit("1", "A", 2, 5)] }],
    });
    expect(result.observedDisagreement).toBe(0);
    expect(result.expectedDisagreement).toBeGreaterThan(0);
    expect(result.alpha).toBe(1);
  });

  it("testDistanceMetric", () => {
    expect(distance(0, 1, null, 0, 2, null)).toBe(0);
    expect(distance(1, 8, "A", 0, 2, null)).toBe(0);
    expect(distance(1, 8, "A", 2, 1, "A")).toBe(37);
    expect(distance(1, 8, "A", 3, 1, null)).toBe(0);
    expect(distance(1, 8, "A", 4, 1, "A")).toBe(25);
    expect(distance(1, 8, "A", 5, 1, null)).toBe(0);
    expect(distance(1, 8, "A", 6, 1, "A")).toBe(29);
    expect(distance(1, 8, "A", 7, 4, null)).toBe(0);
    expect(distance(9, 2, null, 7, 4, null)).toBe(0);
  });
});

describe("hand-computed cases", () => {
  it("identical annotators agree fully: α = 1", () => {
    const units = (coder: string) => [unit(coder, "claim", 2, 3), unit(coder, "quote", 6, 3)];
    const result = unitizingAlpha({
      coders: ["a", "b", "c"],
      continua: [{ length: 10, units: [...units("a"), ...units("b"), ...units("c")] }],
    });
    expect(result.alpha).toBe(1);
    expect(result.byCategory).toEqual({
      claim: expect.objectContaining({ alpha: 1 }),
      quote: expect.objectContaining({ alpha: 1 }),
    });
  });

  it("disjoint annotations: a [0,2), b [5,7) on L = 10 gives α = 1 − .08/(21.6/376) ≈ −.3926", () => {
    // D_o: a's unit lies in b's gap [0,5) → 2², b's unit in a's gap [2,10) → 2²; 2·8/(2·1·10²) = .08.
    // D_e: N = 2, l = 2: (N−1)(2·8 − 3·4 + 2)/3 = 2 per unit; gaps 8, 5, 3 all ≥ 2: Σ(g − 1) = 13,
    //      2² · 13 = 52; (2 + 52) · 2 units = 108; · 2/L = 21.6; / (20·19 − 2·2) = 21.6/376.
    const result = unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 10, units: [unit("a", "c", 0, 2), unit("b", "c", 5, 2)] }] });
    expect(result.observedDisagreement).toBeCloseTo(0.08, 12);
    expect(result.expectedDisagreement).toBeCloseTo(21.6 / 376, 12);
    expect(result.alpha).toBeCloseTo(1 - 0.08 / (21.6 / 376), 12);
    expect(result.alpha).toBeLessThanOrEqual(0);
  });

  it("two documents pool as one continuum with no gap across the boundary: α ≈ .6593", () => {
    // Document 1 (L 10): a and b both [0,5). Document 2 (L 10): a [0,2), b [5,7) (the case above).
    // L = 20. D_o = 2·(0 + 8)/(2·1·20²) = .02.
    // Units 5, 5, 2, 2 (N = 4); gaps 5, 5 | 8, 5, 3.
    //   l = 5: 3·(250 − 75 + 5)/3 = 180; gaps ≥ 5: Σ(g − 4) = 1 + 1 + 1 + 4 = 7 → 25·7 = 175; ×2 units = 710
    //   l = 2: 3·(16 − 12 + 2)/3 = 6; all gaps: Σ(g − 1) = 4 + 4 + 7 + 4 + 2 = 21 → 4·21 = 84; ×2 units = 180
    //   (710 + 180) · 2/20 = 89; / (40·39 − (20 + 20 + 2 + 2)) = 89/1516.
    // α = 1 − .02·1516/89 ≈ .6593 (the mean of the two documents' α, (1 − .3926)/2 ≈ .30, is not α).
    const first = { length: 10, units: [unit("a", "c", 0, 5), unit("b", "c", 0, 5)] };
    const second = { length: 10, units: [unit("a", "c", 0, 2), unit("b", "c", 5, 2)] };
    const expected = 1 - (0.02 * 1516) / 89;
    expect(unitizingAlpha({ coders: ["a", "b"], continua: [first, second] }).alpha).toBeCloseTo(expected, 12);
    expect(unitizingAlpha({ coders: ["a", "b"], continua: [second, first] }).alpha).toBeCloseTo(expected, 12);
  });

  it("a coder's overlapping units of one category count as their union; touching ones stay apart", () => {
    const other = unit("b", "c", 1, 6);
    const alpha = (units: UnitizingUnit[]) =>
      unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 12, units: [...units, other] }] }).alpha;
    expect(alpha([unit("a", "c", 0, 4), unit("a", "c", 2, 4)])).toBe(alpha([unit("a", "c", 0, 6)]));
    expect(alpha([unit("a", "c", 0, 6), unit("a", "c", 1, 2), unit("a", "c", 0, 6)])).toBe(alpha([unit("a", "c", 0, 6)]));
    expect(alpha([unit("a", "c", 0, 3), unit("a", "c", 3, 3)])).not.toBe(alpha([unit("a", "c", 0, 6)]));
  });

  it("units of other categories are gaps for a category", () => {
    const withQuote = unitizingAlpha({
      coders: ["a", "b"],
      continua: [{ length: 10, units: [unit("a", "claim", 0, 2), unit("b", "claim", 5, 2), unit("a", "quote", 3, 4)] }],
    });
    expect(withQuote.byCategory.claim?.alpha).toBeCloseTo(1 - 0.08 / (21.6 / 376), 12);
  });

  it("undefined cases are null, never NaN", () => {
    const one = unitizingAlpha({ coders: ["a"], continua: [{ length: 10, units: [unit("a", "c", 0, 2)] }] });
    expect(one).toEqual({
      alpha: null,
      observedDisagreement: null,
      expectedDisagreement: null,
      byCategory: { c: { alpha: null, observedDisagreement: null, expectedDisagreement: null } },
    });
    expect(unitizingAlpha({ coders: ["a", "b"], continua: [] }).alpha).toBeNull();
    expect(unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 0, units: [] }] }).alpha).toBeNull();
    const absent = unitizingAlpha({
      coders: ["a", "b"],
      categories: ["quote"],
      continua: [{ length: 10, units: [unit("a", "claim", 0, 2), unit("b", "claim", 0, 2)] }],
    });
    expect(absent.byCategory.quote?.alpha).toBeNull();
    expect(absent.alpha).toBe(1);
    // Every coder covers the whole continuum with one-code-point units: no gap, no (l−1) term, D_e = 0.
    const full = unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 1, units: [unit("a", "c", 0, 1), unit("b", "c", 0, 1)] }] });
    expect(full.alpha).toBeNull();
  });

  it("rejects units outside the continuum and unknown coders", () => {
    expect(() => unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 5, units: [unit("a", "c", 3, 4)] }] })).toThrow(RangeError);
    expect(() => unitizingAlpha({ coders: ["a", "b"], continua: [{ length: 5, units: [unit("z", "c", 0, 1)] }] })).toThrow(RangeError);
  });
});
