import { describe, expect, it } from "vitest";
import { anchorSpan } from "./anchor";
import { CodePointIndex } from "./code-points";

// 👍🏽 is two code points and four UTF-16 units: every offset after it differs by 2 in UTF-16.
const TEXT = "The 👍🏽 mayor said the plan works. Critics said the plan works only on paper.";
const index = new CodePointIndex(TEXT);
const cp = (s: string, from = 0) => Array.from(TEXT.slice(0, TEXT.indexOf(s, from))).length;

describe("anchorSpan", () => {
  const first = cp("the plan works");
  const second = cp("the plan works", TEXT.indexOf("Critics"));

  it("takes the position when its text is the quote's", () => {
    expect(anchorSpan(index, { position: { start: first, end: first + 14 }, quote: { exact: "the plan works" } })).toEqual({
      ok: true,
      start: first,
      end: first + 14,
      exact: "the plan works",
      method: "position",
    });
  });

  it("takes a position alone, in code points", () => {
    expect(anchorSpan(index, { position: { start: 4, end: 6 } })).toMatchObject({ ok: true, exact: "👍🏽", method: "position" });
  });

  it("reads positions as UTF-16 units when those match and code points do not (Hypothesis, Label Studio)", () => {
    const unit = TEXT.indexOf("Critics");
    expect(anchorSpan(index, { position: { start: unit, end: unit + 7 }, quote: { exact: "Critics" } })).toEqual({
      ok: true,
      start: cp("Critics"),
      end: cp("Critics") + 7,
      exact: "Critics",
      method: "position-utf16",
    });
  });

  it("finds a quote alone; prefix and suffix choose among repeats", () => {
    expect(anchorSpan(index, { quote: { exact: "the plan works" } })).toMatchObject({ start: first, method: "quote" });
    expect(anchorSpan(index, { quote: { exact: "the plan works", prefix: "Critics said ", suffix: " only" } })).toMatchObject({
      start: second,
      end: second + 14,
      method: "quote",
    });
    expect(anchorSpan(index, { quote: { exact: "the plan works", prefix: "mayor said ", suffix: "." } })).toMatchObject({
      start: first,
    });
  });

  it("uses a stale position as the hint among repeats without context", () => {
    expect(anchorSpan(index, { position: { start: second + 3, end: second + 17 }, quote: { exact: "the plan works" } })).toMatchObject({
      start: second,
      method: "quote",
    });
  });

  it("re-anchors a quote with small differences, and refuses one that is not there", () => {
    const result = anchorSpan(index, { quote: { exact: "Critics said the plan work only on paper" } });
    expect(result).toMatchObject({ ok: true, method: "re-anchored", exact: "Critics said the plan works only on paper" });
    expect(anchorSpan(index, { quote: { exact: "An entirely different sentence about budgets" } })).toMatchObject({ ok: false });
  });

  it("widens a fuzzy match to whole characters", () => {
    const result = anchorSpan(index, { quote: { exact: "The 👍🏽 mayr said" } });
    expect(result).toMatchObject({ ok: true, method: "re-anchored", start: 0, exact: "The 👍🏽 mayor said" });
  });

  it("refuses selectors with nothing to anchor", () => {
    expect(anchorSpan(index, {})).toMatchObject({ ok: false });
    expect(anchorSpan(index, { position: { start: 0, end: 500 } })).toMatchObject({ ok: false });
  });
});
