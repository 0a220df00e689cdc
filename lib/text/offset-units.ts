// Offsets written by other tools: Label Studio and doccano count UTF-16 units (what their browser
// code counts; Label Studio has varied by version), Python tools count code points. A file does not
// say which, so each region is read both ways and checked against its text (or, with no text, for
// offsets that split a character); the reading that fits more regions is the file's.

import type { CodePointIndex } from "./code-points";
import { clusterAround } from "./graphemes";
import type { TextPosition } from "./quote-selector";

export type OffsetUnit = "code-points" | "utf-16";

export interface ForeignRegion {
  start: unknown;
  end: unknown;
  /** The region's text as the tool wrote it, when it did. */
  text?: string | null;
}

/** A non-negative integer: what an offset in any unit must be before it is read. */
export const isOffset = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** The code point span a region names when its offsets are read in `unit`, or null if it cannot be that. */
export function readRegion(index: CodePointIndex, region: ForeignRegion, unit: OffsetUnit): TextPosition | null {
  const { start, end, text } = region;
  if (!isOffset(start) || !isOffset(end) || start >= end) return null;
  let span: TextPosition;
  if (unit === "code-points") {
    if (end > index.length) return null;
    span = { start, end };
  } else {
    if (end > index.text.length) return null;
    const cpStart = index.toCodePoint(start, "down");
    const cpEnd = index.toCodePoint(end, "up");
    // An offset between the halves of a surrogate pair is not a UTF-16 reading of anything.
    if (index.toUtf16(cpStart) !== start || index.toUtf16(cpEnd) !== end) return null;
    span = { start: cpStart, end: cpEnd };
  }
  if (typeof text === "string") return index.slice(span.start, span.end) === text ? span : null;
  return clusterAround(index, span.start) || clusterAround(index, span.end) ? null : span;
}

/** Counts, over a whole file, how many regions each reading fits. */
export class OffsetUnitVote {
  private fits = { "code-points": 0, "utf-16": 0 };

  add(index: CodePointIndex, region: ForeignRegion): void {
    const byPoints = readRegion(index, region, "code-points");
    const byUnits = readRegion(index, region, "utf-16");
    // Regions that read the same both ways (no astral character before them) say nothing.
    if (byPoints && byUnits && byPoints.start === byUnits.start && byPoints.end === byUnits.end) return;
    if (byPoints) this.fits["code-points"]++;
    if (byUnits) this.fits["utf-16"]++;
  }

  /** The file's reading: the one that fits more regions; UTF-16 (what the tools' editors count) on a tie. */
  get unit(): OffsetUnit {
    return this.fits["code-points"] > this.fits["utf-16"] ? "code-points" : "utf-16";
  }
}

/**
 * A region in the file's reading, else the other when only that fits its text; null when neither
 * does (the import refuses it, naming it).
 */
export function resolveRegion(index: CodePointIndex, region: ForeignRegion, unit: OffsetUnit): TextPosition | null {
  return readRegion(index, region, unit) ?? readRegion(index, region, unit === "utf-16" ? "code-points" : "utf-16");
}
