import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-points";
import { OffsetUnitVote, readRegion, resolveRegion } from "./offset-units";

// "🚢 Tokyo 👍🏽 said so": 🚢 is 1 code point / 2 units; 👍🏽 2 / 4. "Tokyo" is 2..7 in code points,
// 3..8 in UTF-16; "said" is 11..15 in code points, 14..18 in UTF-16 (counted by hand).
const index = new CodePointIndex("🚢 Tokyo 👍🏽 said so");

describe("readRegion", () => {
  it.each<[string, number, number, string | null, "code-points" | "utf-16", { start: number; end: number } | null]>([
    ["code points", 2, 7, "Tokyo", "code-points", { start: 2, end: 7 }],
    ["UTF-16 units", 3, 8, "Tokyo", "utf-16", { start: 2, end: 7 }],
    ["UTF-16 read as code points", 3, 8, "Tokyo", "code-points", null],
    ["inside a surrogate pair", 1, 8, null, "utf-16", null],
    ["no text, whole characters", 14, 18, null, "utf-16", { start: 11, end: 15 }],
    ["no text, splitting 👍🏽", 11, 15, null, "utf-16", null],
  ])("%s", (_name, start, end, text, unit, expected) => {
    expect(readRegion(index, { start, end, text }, unit)).toEqual(expected);
  });
});

describe("OffsetUnitVote", () => {
  it("takes the reading that fits more regions; UTF-16 on a tie", () => {
    const vote = new OffsetUnitVote();
    expect(vote.unit).toBe("utf-16");
    vote.add(index, { start: 2, end: 7, text: "Tokyo" });
    vote.add(index, { start: 11, end: 15, text: "said" });
    expect(vote.unit).toBe("code-points");
    const units = new OffsetUnitVote();
    units.add(index, { start: 3, end: 8, text: "Tokyo" });
    units.add(index, { start: 0, end: 1, text: "🚢" }); // fits code points only: one vote each, a tie
    expect(units.unit).toBe("utf-16");
  });

  it("resolves a region in the other reading when only that fits, and refuses one that fits neither", () => {
    expect(resolveRegion(index, { start: 2, end: 7, text: "Tokyo" }, "utf-16")).toEqual({ start: 2, end: 7 });
    expect(resolveRegion(index, { start: 4, end: 9, text: "Tokyo" }, "utf-16")).toBeNull();
  });
});
