// Unicode code point <-> UTF-16 code unit conversion. The API, the database and every export count
// code points (what Python's str indexing counts); JavaScript strings and the browser count UTF-16
// code units. All conversion between the two goes through this module.

const HIGH_SURROGATE_MIN = 0xd800;
const HIGH_SURROGATE_MAX = 0xdbff;
const LOW_SURROGATE_MIN = 0xdc00;
const LOW_SURROGATE_MAX = 0xdfff;

function isHighSurrogate(unit: number): boolean {
  return unit >= HIGH_SURROGATE_MIN && unit <= HIGH_SURROGATE_MAX;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= LOW_SURROGATE_MIN && unit <= LOW_SURROGATE_MAX;
}

/** Number of code points in `text` (Python's `len(text)`). */
export function codePointLength(text: string): number {
  let astral = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      astral++;
      i++;
    }
  }
  return text.length - astral;
}

/** True when `text` has no unpaired surrogate (it can be stored as UTF-8 without loss). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLowSurrogate(unit)) {
      return false;
    }
  }
  return true;
}

/** Index of the first element ≥ value in an ascending array: the number of elements < value. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts offsets of one string between code points and UTF-16 code units in O(log n) per call,
 * after an O(n) scan. Built once per document text (texts never change after import).
 */
export class CodePointIndex {
  readonly text: string;
  /** Code point length of the text. */
  readonly length: number;
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astralUnits: number[];
  /** Code point index of each astral character, ascending. */
  private readonly astralPoints: number[];

  constructor(text: string) {
    this.text = text;
    this.astralUnits = [];
    this.astralPoints = [];
    // Found by the regular expression engine: a loop over the code units runs in the interpreter
    // the first time, which is when the workspace builds its one index, of the whole article.
    const pairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g; // a surrogate pair: the two ranges above
    for (let match = pairs.exec(text); match; match = pairs.exec(text)) {
      this.astralUnits.push(match.index);
      this.astralPoints.push(match.index - this.astralPoints.length);
    }
    this.length = text.length - this.astralUnits.length;
  }

  /** UTF-16 offset of code point offset `point` (0 <= point <= length). */
  toUtf16(point: number): number {
    if (!Number.isInteger(point) || point < 0 || point > this.length) {
      throw new RangeError(`code point offset ${point} is outside 0..${this.length}`);
    }
    return point + lowerBound(this.astralPoints, point);
  }

  /**
   * Code point offset of UTF-16 offset `unit`. An offset that falls between the two halves of a
   * surrogate pair is moved to the start of that character (`round: "down"`) or past it (`"up"`).
   */
  toCodePoint(unit: number, round: "down" | "up" = "down"): number {
    if (!Number.isInteger(unit) || unit < 0 || unit > this.text.length) {
      throw new RangeError(`UTF-16 offset ${unit} is outside 0..${this.text.length}`);
    }
    const before = lowerBound(this.astralUnits, unit);
    const previous = this.astralUnits[before - 1];
    if (previous !== undefined && previous + 1 === unit) {
      // Inside a surrogate pair.
      return round === "down" ? unit - before : unit - before + 1;
    }
    return unit - before;
  }

  /** `text[start:end]` in code points, as Python would slice it. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** `text[start:end]` in code points, for one-off use (build a CodePointIndex for many). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new CodePointIndex(text).slice(start, end);
}
