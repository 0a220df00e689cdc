// Krippendorff's alpha for unitizing (α_u): how well coders agree on where units of a category begin
// and end on a continuum, chance-corrected. Defined in Krippendorff (2004), "Measuring the
// reliability of qualitative text analysis data", Quality & Quantity 38:787–800, and Content Analysis
// (2nd ed., 2004, p. 254 on); computed here as DKPro Agreement's KrippendorffAlphaUnitizingAgreement does
// (which INCEpTION uses), checked against both in krippendorff-unitizing.test.ts. Pure, no I/O.
//
// For one category c, with m coders and a continuum of length L, each coder's continuum is cut into
// c-units and gaps (a gap is everything that is not a c-unit, units of other categories included):
//   D_o(c) = 2 / (m(m−1)L²) · Σ over coder pairs, Σ over overlapping segment pairs (g, h) of δ²(g, h)
//     δ²(unit, unit) = (start_g − start_h)² + (end_g − end_h)²
//     δ²(unit, gap)  = length_unit²  when the unit lies inside the gap; every other pair 0
//   D_e(c) = 2/L · Σ over c-units u of [ (N_c − 1)(2l_u³ − 3l_u² + l_u)/3 + l_u² Σ over gaps g with l_g ≥ l_u of (l_g − l_u + 1) ]
//            / [ mL(mL − 1) − Σ over c-units u of l_u(l_u − 1) ]
//   α(c) = 1 − D_o(c)/D_e(c);  overall α = 1 − Σ_c D_o(c) / Σ_c D_e(c)  (DKPro averages both over the
//   categories, which cancels).
//
// Choices where DKPro has none, or answers NaN or 0.0:
// - Units of one category by one coder that share code points are merged into one unit (their union).
//   DKPro requires them not to overlap; INCEpTION drops the later one, which gives the same result for
//   nested and duplicate units, but for crossing ones would forget code points the coder did mark.
//   Touching units ([0,5) and [5,9)) stay two units, as in Krippendorff (1995).
// - Zero-length units carry no mass (δ and D_e weigh by length) and are left out.
// - Several continua (documents) count as one continuum of their summed length in which no gap runs
//   from one document into the next: observed terms add up, expected terms pool every unit and gap.
//   One continuum gives exactly DKPro's value. Laying documents end to end instead would join the
//   last gap of one to the first of the next, and make D_e depend on the documents' order.
// - Undefined α (fewer than two coders, an empty continuum, no unit of the category, D_e = 0) is null,
//   where DKPro answers NaN or, for a category without units, 0.0.

import { lowerBound } from "../text/code-points";

export interface UnitizingUnit {
  coder: string;
  category: string;
  start: number;
  end: number;
}

export interface UnitizingContinuum {
  /** Length of the continuum (the document's code points); units lie within [0, length]. */
  length: number;
  units: readonly UnitizingUnit[];
}

export interface UnitizingStudy {
  coders: readonly string[];
  continua: readonly UnitizingContinuum[];
  /** Categories to report even when no unit has them (reported as null); the units' categories are always reported. */
  categories?: readonly string[];
}

export interface CategoryAlpha {
  alpha: number | null;
  /** D_o; null when α_u is undefined for the study (fewer than two coders, empty continuum). */
  observedDisagreement: number | null;
  /** D_e; null as D_o. */
  expectedDisagreement: number | null;
}

export interface UnitizingAlpha extends CategoryAlpha {
  byCategory: Record<string, CategoryAlpha>;
}

/** One piece of a coder's cut of the continuum: a unit of the category in question, or a gap. */
export interface Segment {
  start: number;
  end: number;
  unit: boolean;
}

/** δ² between two segments of different coders (Krippendorff 2004; DKPro `measureDistance`). */
export function segmentDistance(g: Segment, h: Segment): number {
  return distance(g.start, g.end, g.unit, h.start, h.end, h.unit);
}

function distance(gStart: number, gEnd: number, gUnit: boolean, hStart: number, hEnd: number, hUnit: boolean): number {
  if (gUnit && hUnit) {
    if (gStart >= hEnd || hStart >= gEnd) return 0;
    return (gStart - hStart) ** 2 + (gEnd - hEnd) ** 2;
  }
  if (gUnit) return hStart <= gStart && gEnd <= hEnd ? (gEnd - gStart) ** 2 : 0;
  if (hUnit) return gStart <= hStart && hEnd <= gEnd ? (hEnd - hStart) ** 2 : 0;
  return 0;
}

/**
 * The sums α_u is made of, for continua with the same coders. Pooling continua is adding their
 * terms (what `poolTerms` does), so a project's α_u reuses its documents' work.
 */
export interface UnitizingTerms {
  coders: number;
  /** Length of each continuum: a category nobody marked in one is a gap that long for every coder. */
  continuumLengths: number[];
  byCategory: Map<string, CategoryTerms>;
}

interface CategoryTerms {
  /** Σ δ² over coder pairs (each pair once) and their overlapping segments. */
  observed: number;
  unitLengths: number[];
  gapLengths: number[];
}

/**
 * One coder's cut of a continuum for one category, as boundaries: segment i is [bounds[i],
 * bounds[i + 1]), a unit where unit[i] is 1. Built once per coder, swept against every other coder.
 */
interface Cut {
  bounds: number[];
  unit: number[];
}

/** Sorts one coder's units of one category, merges those that share code points, and cuts [0, length). */
function cutOf(units: Array<[number, number]>, length: number): Cut {
  units.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const bounds = [0];
  const unit: number[] = [];
  let position = 0;
  for (const [start, end] of units) {
    if (start < position) {
      // Shares code points with the unit before: widen that one.
      if (end > position) bounds[bounds.length - 1] = position = end;
      continue;
    }
    if (start > position) {
      bounds.push(start);
      unit.push(0);
    }
    bounds.push(end);
    unit.push(1);
    position = end;
  }
  if (position < length) {
    bounds.push(length);
    unit.push(0);
  }
  return { bounds, unit };
}

/** Σ δ² over the overlapping segments of two cuts of one continuum. */
function pairDisagreement(a: Cut, b: Cut): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  // Both cuts partition the continuum, so stepping past whichever segment ends first visits every
  // overlapping pair exactly once.
  while (i < a.unit.length && j < b.unit.length) {
    const aEnd = a.bounds[i + 1] as number;
    const bEnd = b.bounds[j + 1] as number;
    sum += distance(a.bounds[i] as number, aEnd, a.unit[i] === 1, b.bounds[j] as number, bEnd, b.unit[j] === 1);
    if (aEnd <= bEnd) i++;
    if (bEnd <= aEnd) j++;
  }
  return sum;
}

/** The terms of one continuum. Units must lie within it and belong to one of `coders`. */
export function unitizingTerms(coders: readonly string[], continuum: UnitizingContinuum): UnitizingTerms {
  const coderIndex = new Map(coders.map((coder, index) => [coder, index]));
  if (coderIndex.size !== coders.length) throw new RangeError("unitizingTerms: coders must be distinct");
  const m = coders.length;
  const { length } = continuum;
  const raw = new Map<string, Array<Array<[number, number]>>>();
  for (const unit of continuum.units) {
    const coder = coderIndex.get(unit.coder);
    if (coder === undefined) throw new RangeError(`unitizingTerms: unknown coder ${unit.coder}`);
    if (!(Number.isInteger(unit.start) && Number.isInteger(unit.end) && 0 <= unit.start && unit.start <= unit.end && unit.end <= length)) {
      throw new RangeError(`unitizingTerms: unit [${unit.start}, ${unit.end}) outside [0, ${length})`);
    }
    let byCoder = raw.get(unit.category);
    if (!byCoder) raw.set(unit.category, (byCoder = Array.from({ length: m }, () => [])));
    if (unit.end > unit.start) (byCoder[coder] as Array<[number, number]>).push([unit.start, unit.end]);
  }

  const byCategory = new Map<string, CategoryTerms>();
  for (const [category, byCoder] of raw) {
    const cuts = byCoder.map((units) => cutOf(units, length));
    const terms: CategoryTerms = { observed: 0, unitLengths: [], gapLengths: [] };
    cuts.forEach((cut, coder) => {
      for (let i = 0; i < cut.unit.length; i++) {
        const size = (cut.bounds[i + 1] as number) - (cut.bounds[i] as number);
        (cut.unit[i] === 1 ? terms.unitLengths : terms.gapLengths).push(size);
      }
      for (let other = coder + 1; other < m; other++) terms.observed += pairDisagreement(cut, cuts[other] as Cut);
    });
    byCategory.set(category, terms);
  }
  return { coders: m, continuumLengths: [length], byCategory };
}

/**
 * Terms of several continua with the same coders, as one continuum in which no gap runs from one into
 * the next. No continua: an empty continuum, whose α_u is undefined.
 */
export function poolTerms(parts: readonly UnitizingTerms[]): UnitizingTerms {
  const coders = parts[0]?.coders ?? 0;
  if (parts.some((part) => part.coders !== coders)) throw new RangeError("poolTerms: every part must have the same coders");
  const pooled: UnitizingTerms = { coders, continuumLengths: parts.flatMap((part) => part.continuumLengths), byCategory: new Map() };
  for (const part of parts)
    for (const category of part.byCategory.keys()) pooled.byCategory.set(category, { observed: 0, unitLengths: [], gapLengths: [] });
  for (const [category, sum] of pooled.byCategory) {
    for (const part of parts) {
      const terms = part.byCategory.get(category);
      if (terms) {
        sum.observed += terms.observed;
        for (const l of terms.unitLengths) sum.unitLengths.push(l);
        for (const l of terms.gapLengths) sum.gapLengths.push(l);
      } else {
        for (const length of part.continuumLengths)
          if (length > 0) for (let coder = 0; coder < coders; coder++) sum.gapLengths.push(length);
      }
    }
  }
  return pooled;
}

/** D_e's numerator and the Σ l(l − 1) of its denominator, from every unit length and every gap length. */
function expectedTerms(unitLengths: readonly number[], gapLengths: readonly number[]): { numerator: number; squaredLengths: number } {
  // A typed array sorts numerically without a comparator: a project has tens of thousands of gaps.
  const gaps = Float64Array.from(gapLengths).sort();
  // suffix[k] = sum of gaps[k..]: Σ over gaps ≥ l of (l_g − l + 1) = suffix[k] − count·(l − 1).
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] as number) + (gaps[k] as number);
  const n = unitLengths.length;
  let numerator = 0;
  let squaredLengths = 0;
  for (const l of unitLengths) {
    const first = lowerBound(gaps, l);
    const fitting = (suffix[first] as number) - (gaps.length - first) * (l - 1);
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fitting;
    squaredLengths += l * (l - 1);
  }
  return { numerator, squaredLengths };
}

const UNDEFINED: CategoryAlpha = { alpha: null, observedDisagreement: null, expectedDisagreement: null };

/** α_u overall and per category from (pooled) terms; `categories` adds categories to report without units. */
export function alphaFromTerms(terms: UnitizingTerms, categories: readonly string[] = []): UnitizingAlpha {
  const m = terms.coders;
  const totalLength = terms.continuumLengths.reduce((sum, length) => sum + length, 0);
  const sortedCategories = [...new Set([...categories, ...terms.byCategory.keys()])].sort();
  if (m < 2 || totalLength === 0) {
    return { ...UNDEFINED, byCategory: Object.fromEntries(sortedCategories.map((category) => [category, UNDEFINED])) };
  }

  const byCategory: Record<string, CategoryAlpha> = {};
  let observedTotal = 0;
  let expectedTotal = 0;
  const mL = m * totalLength;
  for (const category of sortedCategories) {
    const sums = terms.byCategory.get(category);
    if (!sums || sums.unitLengths.length === 0) {
      // No unit: D_o = D_e = 0, nothing to agree on.
      byCategory[category] = { alpha: null, observedDisagreement: 0, expectedDisagreement: 0 };
      continue;
    }
    const observed = (2 * sums.observed) / (m * (m - 1) * totalLength * totalLength);
    const { numerator, squaredLengths } = expectedTerms(sums.unitLengths, sums.gapLengths);
    const expected = ((2 / totalLength) * numerator) / (mL * (mL - 1) - squaredLengths);
    observedTotal += observed;
    expectedTotal += expected;
    byCategory[category] = {
      alpha: expected > 0 ? 1 - observed / expected : null,
      observedDisagreement: observed,
      expectedDisagreement: expected,
    };
  }
  return {
    alpha: expectedTotal > 0 ? 1 - observedTotal / expectedTotal : null,
    observedDisagreement: observedTotal,
    expectedDisagreement: expectedTotal,
    byCategory,
  };
}

/** α_u overall and for each category (that category's units against everything else). */
export function unitizingAlpha(study: UnitizingStudy): UnitizingAlpha {
  return alphaFromTerms(poolTerms(study.continua.map((continuum) => unitizingTerms(study.coders, continuum))), study.categories);
}
