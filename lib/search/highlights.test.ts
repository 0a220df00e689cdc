import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../text/code-points";
import { MARK_START as S, MARK_STOP as E, markedRanges, mergeRanges, snippetAround, substringRanges } from "./highlights";

describe("markedRanges", () => {
  it("turns ts_headline's markers into code point ranges of the original, past emoji, CJK, RTL and combining marks", () => {
    const original = "👨‍👩‍👧 Zürich “history” 東京 שלום e\u0301te\u0301 join";
    const marked = `👨‍👩‍👧 ${S}Zürich${E} “${S}history${E}” 東京 ${S}שלום${E} e\u0301te\u0301 ${S}join${E}`;
    const ranges = markedRanges(marked, original);
    expect(ranges.map(([s, e]) => sliceCodePoints(original, s, e))).toEqual(["Zürich", "history", "שלום", "join"]);
  });

  it("gives nothing when the marked text is not the original plus markers", () => {
    expect(markedRanges(`${S}abc${E}`, "abcd")).toEqual([]);
    expect(markedRanges(`${S}ab${E}`, "ab")).toEqual([[0, 2]]);
  });
});

describe("substringRanges", () => {
  it("finds every occurrence ignoring case, in code points", () => {
    const text = "🚢 NATO, nato and NaTo: 北大西洋NATO";
    const ranges = substringRanges(text, "nato");
    expect(ranges).toHaveLength(4);
    expect(ranges.map(([s, e]) => sliceCodePoints(text, s, e))).toEqual(["NATO", "nato", "NaTo", "NATO"]);
  });

  it("keeps code points aligned when lower-casing would change a length (İ)", () => {
    const text = "İstanbul istanbul";
    expect(substringRanges(text, "istanbul")).toEqual([[9, 17]]);
    expect(substringRanges(text, "İstanbul")).toEqual([[0, 8]]);
  });

  it("does not overlap and accepts an empty needle", () => {
    expect(substringRanges("aaaa", "aa")).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(substringRanges("abc", "")).toEqual([]);
  });
});

describe("mergeRanges", () => {
  it("sorts and joins overlapping or touching ranges", () => {
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [1, 3],
        [8, 9],
        [20, 21],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
      [20, 21],
    ]);
  });
});

describe("snippetAround", () => {
  it("cuts around the first match at spaces and shifts the highlights into the excerpt", () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}😀`);
    words[50] = "“NATO”";
    const text = words.join(" ");
    const start = Array.from(text).length - Array.from(words.slice(50).join(" ")).length + 1;
    const snippet = snippetAround(text, [[start, start + 4]], 30);
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    const [[s, e]] = snippet.highlights as [[number, number]];
    expect(sliceCodePoints(snippet.text, s, e)).toBe("NATO");
    // Cut between words: no half word at either end.
    expect(snippet.text).toMatch(/^…w\d+😀 /);
    expect(snippet.text).toMatch(/ w\d+😀…$/);
    expect(sliceCodePoints(text, snippet.start, snippet.start + 3)).toBe(sliceCodePoints(snippet.text, 1, 4));
  });

  it("starts at the beginning without a match, and line breaks become spaces one for one", () => {
    const snippet = snippetAround("First line\nsecond 🚢 line", [[18, 22]]);
    expect(snippet).toEqual({ text: "First line second 🚢 line", start: 0, highlights: [[18, 22]] });
    expect(snippetAround("short", []).text).toBe("short");
  });
});
