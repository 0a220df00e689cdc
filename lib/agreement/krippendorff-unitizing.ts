// Krippendorff's alpha for unitizing (α_u): how well coders agree on where units of a category begin
// and end on a continuum, chance-corrected. Defined in Krippendorff (2004), "Measuring the
// reliability of qualitative text analysis data", Quality & Quantity 38:787–800, and Content Analysis
// (2nd ed., 2004, §11.6); computed here as DKPro Agreement's KrippendorffAlphaUnitizingAgreement does
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
  if (g.unit && h.unit) {
    if (g.start >= h.end || h.start >= g.end) return 0;
    return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  }
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

/** Sorted, disjoint units of one coder and category as [start0, end0, start1, end1, ...]. */
type Intervals = number[];

/** Sorts one coder's units of one category and merges those that share code points. */
function mergeUnits(units: Array<[number, number]>): Intervals {
  units.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Intervals = [];
  for (const [start, end] of units) {
    const last = merged.length - 1;
    if (last > 0 && start < (merged[last] as number)) merged[last] = Math.max(merged[last] as number, end);
    else merged.push(start, end);
  }
  return merged;
}

/**
 * Σ δ² over the overlapping segments of two coders' cuts of one continuum [0, length): a sweep over
 * both lists of units, with the gaps between them implied.
 */
function pairDisagreement(a: Intervals, b: Intervals, length: number): number {
  const segA = segments(a, length);
  const segB = segments(b, length);
  let sum = 0;
  let i = 0;
  let j = 0;
  // Both lists partition [0, length), so stepping past whichever segment ends first visits every
  // overlapping pair exactly once.
  while (i < segA.length && j < segB.length) {
    const g = segA[i] as Segment;
    const h = segB[j] as Segment;
    sum += segmentDistance(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

function segments(units: Intervals, length: number): Segment[] {
  const out: Segment[] = [];
  let position = 0;
  for (let k = 0; k < units.length; k += 2) {
    const start = units[k] as number;
    const end = units[k + 1] as number;
    if (start > position) out.push({ start: position, end: start, unit: false });
    out.push({ start, end, unit: true });
    position = end;
  }
  if (position < length) out.push({ start: position, end: length, unit: false });
  return out;
}

/** Gap lengths of one coder's cut of a continuum: before, between and after the units. */
function pushGaps(units: Intervals, length: number, gaps: number[]): void {
  let position = 0;
  for (let k = 0; k < units.length; k += 2) {
    const start = units[k] as number;
    if (start > position) gaps.push(start - position);
    position = units[k + 1] as number;
  }
  if (position < length) gaps.push(length - position);
}

/** D_e's numerator and the Σ l(l − 1) of its denominator, from every unit length and every gap length. */
function expectedTerms(unitLengths: readonly number[], gaps: number[]): { numerator: number; squaredLengths: number } {
  gaps.sort((x, y) => x - y);
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

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const UNDEFINED: CategoryAlpha = { alpha: null, observedDisagreement: null, expectedDisagreement: null };

/** α_u overall and for each category (that category's units against everything else). */
export function unitizingAlpha(study: UnitizingStudy): UnitizingAlpha {
  const coderIndex = new Map(study.coders.map((coder, index) => [coder, index]));
  if (coderIndex.size !== study.coders.length) throw new RangeError("unitizingAlpha: coders must be distinct");
  const m = study.coders.length;
  const totalLength = study.continua.reduce((sum, continuum) => sum + continuum.length, 0);

  // For each continuum: category -> one interval list per coder.
  const prepared = study.continua.map((continuum) => {
    const raw = new Map<string, Array<Array<[number, number]>>>();
    for (const unit of continuum.units) {
      const coder = coderIndex.get(unit.coder);
      if (coder === undefined) throw new RangeError(`unitizingAlpha: unknown coder ${unit.coder}`);
      if (!(
        Number.isInteger(unit.start) &&
        Number.isInteger(unit.end) &&
        0 <= unit.start &&
        unit.start <= unit.end &&
        unit.end <= continuum.length
      )) {
        throw new RangeError(`unitizingAlpha: unit [${unit.start}, ${unit.end}) outside [0, ${continuum.length})`);
      }
      let byCoder = raw.get(unit.category);
      if (!byCoder) {
        byCoder = Array.from({ length: m }, () => []);
        raw.set(unit.category, byCoder);
      }
      if (unit.end > unit.start) (byCoder[coder] as Array<[number, number]>).push([unit.start, unit.end]);
    }
    const merged = new Map<string, Intervals[]>();
    for (const [category, byCoder] of raw) merged.set(category, byCoder.map(mergeUnits));
    return { length: continuum.length, merged };
  });

  const categories = new Set(study.categories ?? []);
  for (const continuum of prepared) for (const category of continuum.merged.keys()) categories.add(category);
  const sortedCategories = [...categories].sort();

  if (m < 2 || totalLength === 0) {
    return { ...UNDEFINED, byCategory: Object.fromEntries(sortedCategories.map((category) => [category, UNDEFINED])) };
  }

  const byCategory: Record<string, CategoryAlpha> = {};
  let observedTotal = 0;
  let expectedTotal = 0;
  for (const category of sortedCategories) {
    let observedSum = 0;
    const unitLengths: number[] = [];
    const gaps: number[] = [];
    for (const continuum of prepared) {
      const byCoder = continuum.merged.get(category);
      if (!byCoder) {
        // Nobody marked this category here: each coder's cut is one gap.
        if (continuum.length > 0) for (let coder = 0; coder < m; coder++) gaps.push(continuum.length);
        continue;
      }
      for (let coder = 0; coder < m; coder++) {
        const units = byCoder[coder] as Intervals;
        for (let k = 0; k < units.length; k += 2) unitLengths.push((units[k + 1] as number) - (units[k] as number));
        pushGaps(units, continuum.length, gaps);
        for (let other = coder + 1; other < m; other++)
          observedSum += pairDisagreement(units, byCoder[other] as Intervals, continuum.length);
      }
    }
    const observed = (2 * observedSum) / (m * (m - 1) * totalLength * totalLength);
    const { numerator, squaredLengths } = expectedTerms(unitLengths, gaps);
    const mL = m * totalLength;
    const expected = ((2 / totalLength) * numerator) / (mL * (mL - 1) - squaredLengths);
    observedTotal += observed;
    expectedTotal += expected;
    byCategory[category] = {
      alpha: unitLengths.length > 0 && expected > 0 ? 1 - observed / expected : null,
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
