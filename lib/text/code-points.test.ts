import { describe, expect, it } from "vitest";
import { CodePointIndex, codePointLength, isWellFormedText, sliceCodePoints } from "./code-points";

// Expected values below were computed with CPython (`len(s)`, `s[a:b]`,
// `len(s.encode("utf-16-le")) // 2`) and are cross-checked against `Array.from`, which iterates a
// JavaScript string by code point.

const FAMILY = "👨\u200d👩\u200d👧"; // man ZWJ woman ZWJ girl: 5 code points, 8 UTF-16 units
const THUMBS = "👍🏽"; // thumbs up + skin tone modifier: 2 code points, 4 UTF-16 units
const FLAG = "🇯🇵"; // two regional indicators: 2 code points, 4 UTF-16 units
const E_ACUTE = "e\u0301"; // decomposed é: 2 code points, 2 UTF-16 units
const MIXED = `«مرحبا» ${FAMILY} said 日本語 ${FLAG} ${E_ACUTE}!`;

/** [text, Python len(text), UTF-16 length] */
const LENGTHS: [string, number, number][] = [
  ["", 0, 0],
  ["abc", 3, 3],
  ["🚢 ab", 4, 5],
  ["😀", 1, 2],
  ["😀😀😀", 3, 6],
  ["a😀b👍🏽c", 6, 9],
  [THUMBS, 2, 4],
  [FAMILY, 5, 8],
  [FLAG, 2, 4],
  [E_ACUTE, 2, 2],
  ["日本語", 3, 3],
  ["中国外交部", 5, 5],
  ["مرحبا", 5, 5],
  ["שלום", 4, 4],
  [MIXED, 29, 34],
];

/** Strings used by the property-style loops (include lone surrogates, which count as one code point). */
const PROPERTY_TEXTS: string[] = [
  ...LENGTHS.map(([text]) => text),
  `${THUMBS}${FAMILY}${FLAG}`,
  `שלום ${THUMBS} עולם 😀 مرحبا`,
  `中国外交部发言人说：“${FLAG}${E_ACUTE}”😀`,
  "a\ud83db", // lone high surrogate
  "\ude00x\ud83d", // lone low surrogate first, lone high surrogate last
];

/** UTF-16 offset of every code point boundary, computed independently with Array.from. */
function boundaries(text: string): number[] {
  const result = [0];
  let unit = 0;
  for (const cp of Array.from(text)) {
    unit += cp.length;
    result.push(unit);
  }
  return result;
}

describe("codePointLength", () => {
  it("counts the API.md example: in '🚢 ab', 'ab' is 2..4", () => {
    const index = new CodePointIndex("🚢 ab");
    expect(index.length).toBe(4);
    expect(index.slice(2, 4)).toBe("ab");
    expect(codePointLength("🚢 ab")).toBe(4);
  });

  it.each(LENGTHS)("codePointLength(%j) is %i (UTF-16 length %i)", (text, points, units) => {
    expect(text.length).toBe(units);
    expect(codePointLength(text)).toBe(points);
    expect(Array.from(text).length).toBe(points);
  });

  it.each([
    ["a\ud83db", 3],
    ["\ud83d", 1],
    ["\ude00", 1],
    ["\ude00\ud83d", 2], // low then high: not a pair
    ["\ud83d\ud83d\ude00", 2], // lone high, then a real pair
    ["😀\ude00", 2],
  ])("counts each unpaired surrogate in %j as one code point (%i)", (text, points) => {
    expect(codePointLength(text)).toBe(points);
    expect(Array.from(text).length).toBe(points);
  });
});

describe("isWellFormedText", () => {
  it.each<[string, boolean]>([
    ["", true],
    ["plain ascii", true],
    ["😀", true],
    ["a😀b👍🏽c", true],
    [FAMILY, true],
    [FLAG, true],
    [E_ACUTE, true],
    ["日本語 مرحبا שלום", true],
    [MIXED, true],
    ["\ud83d", false],
    ["\ude00", false],
    ["a\ud83db", false],
    ["a\ude00b", false],
    ["😀\ud83d", false], // trailing lone high surrogate
    ["\ud83d😀", false], // lone high surrogate followed by a real pair
    ["\ude00\ud83d", false], // pair in the wrong order
    ["😀\ude00", false], // extra low surrogate after a pair
    ["\ud83d\ud83d\ude00", false],
  ])("isWellFormedText(%j) is %s", (text, expected) => {
    expect(isWellFormedText(text)).toBe(expected);
    // A UTF-8 round trip (lone surrogates become U+FFFD) must agree.
    expect(new TextDecoder().decode(new TextEncoder().encode(text)) === text).toBe(expected);
  });
});

describe("CodePointIndex.length", () => {
  it.each(LENGTHS)("new CodePointIndex(%j).length is %i", (text, points) => {
    const index = new CodePointIndex(text);
    expect(index.length).toBe(points);
    expect(index.text).toBe(text);
  });
});

describe("CodePointIndex.toUtf16", () => {
  // "a😀b👍🏽c": a | 😀 | b | 👍 | 🏽 | c
  const text = "a😀b👍🏽c";
  it.each([
    [0, 0],
    [1, 1],
    [2, 3],
    [3, 4],
    [4, 6],
    [5, 8],
    [6, 9],
  ])("code point %i of 'a😀b👍🏽c' is UTF-16 offset %i", (point, unit) => {
    expect(new CodePointIndex(text).toUtf16(point)).toBe(unit);
  });

  it.each([
    [MIXED, 8, 8], // start of the family emoji: nothing astral before it
    [MIXED, 13, 16], // after the family emoji (3 astral characters)
    [MIXED, 14, 17],
    [MIXED, 23, 26], // start of the flag
    [MIXED, 25, 30], // after the flag
    [MIXED, 29, 34],
    ["😀😀😀", 2, 4],
  ])("in %j code point %i is UTF-16 offset %i", (text, point, unit) => {
    expect(new CodePointIndex(text).toUtf16(point)).toBe(unit);
  });

  it("matches the Array.from boundaries for every offset of every test string", () => {
    for (const text of PROPERTY_TEXTS) {
      const index = new CodePointIndex(text);
      const expected = boundaries(text);
      expect(index.length).toBe(expected.length - 1);
      for (let p = 0; p <= index.length; p++) {
        expect(index.toUtf16(p), `${JSON.stringify(text)} @ ${p}`).toBe(expected[p]);
      }
    }
  });

  it.each([-1, 7, 9, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "throws RangeError for %s on 'a😀b👍🏽c' (length 6 code points, 9 units)",
    (point) => {
      expect(() => new CodePointIndex(text).toUtf16(point)).toThrow(RangeError);
    },
  );

  it("uses the code point length, not the UTF-16 length, as the upper bound", () => {
    const index = new CodePointIndex("😀");
    expect(index.toUtf16(1)).toBe(2);
    expect(() => index.toUtf16(2)).toThrow(RangeError);
    expect(() => index.toUtf16(2)).toThrow(/0\.\.1/);
  });

  it("accepts 0 on the empty string only", () => {
    const index = new CodePointIndex("");
    expect(index.toUtf16(0)).toBe(0);
    expect(() => index.toUtf16(1)).toThrow(RangeError);
  });
});

describe("CodePointIndex.toCodePoint", () => {
  // "a😀b👍🏽c": units 0:a 1-2:😀 3:b 4-5:👍 6-7:🏽 8:c, length 9
  const text = "a😀b👍🏽c";
  it.each<[number, number, number]>([
    // [unit, round down, round up]
    [0, 0, 0],
    [1, 1, 1],
    [2, 1, 2], // inside 😀
    [3, 2, 2],
    [4, 3, 3],
    [5, 3, 4], // inside 👍
    [6, 4, 4],
    [7, 4, 5], // inside 🏽
    [8, 5, 5],
    [9, 6, 6],
  ])("UTF-16 offset %i of 'a😀b👍🏽c' is code point %i (down) / %i (up)", (unit, down, up) => {
    const index = new CodePointIndex(text);
    expect(index.toCodePoint(unit, "down")).toBe(down);
    expect(index.toCodePoint(unit, "up")).toBe(up);
    expect(index.toCodePoint(unit)).toBe(down); // default is "down"
  });

  it.each<[string, number, number, number]>([
    [FAMILY, 1, 0, 1], // inside 👨
    [FAMILY, 2, 1, 1], // on the ZWJ
    [FAMILY, 4, 2, 3], // inside 👩
    [FAMILY, 7, 4, 5], // inside 👧
    [FAMILY, 8, 5, 5],
    [FLAG, 1, 0, 1],
    [FLAG, 2, 1, 1],
    [FLAG, 3, 1, 2],
    ["😀😀😀", 5, 2, 3],
    [MIXED, 9, 8, 9], // inside the first emoji of the family
    [MIXED, 27, 23, 24], // inside 🇯
  ])("in %j UTF-16 offset %i is code point %i (down) / %i (up)", (t, unit, down, up) => {
    const index = new CodePointIndex(t);
    expect(index.toCodePoint(unit, "down")).toBe(down);
    expect(index.toCodePoint(unit, "up")).toBe(up);
  });

  it("round-trips and brackets every UTF-16 offset of every test string", () => {
    for (const t of PROPERTY_TEXTS) {
      const index = new CodePointIndex(t);
      const bounds = boundaries(t);
      for (let p = 0; p <= index.length; p++) {
        expect(index.toCodePoint(index.toUtf16(p), "down")).toBe(p);
        expect(index.toCodePoint(index.toUtf16(p), "up")).toBe(p);
      }
      for (let u = 0; u <= t.length; u++) {
        const down = index.toCodePoint(u, "down");
        const up = index.toCodePoint(u, "up");
        const label = `${JSON.stringify(t)} @ unit ${u}`;
        if (bounds.includes(u)) {
          expect(down, label).toBe(bounds.indexOf(u));
          expect(up, label).toBe(down);
        } else {
          // Inside a surrogate pair: the character starts one unit earlier and ends one unit later.
          expect(bounds[down], label).toBe(u - 1);
          expect(bounds[up], label).toBe(u + 1);
          expect(up, label).toBe(down + 1);
        }
      }
    }
  });

  it.each([-1, 10, 0.5, Number.NaN, Number.POSITIVE_INFINITY])("throws RangeError for %s on 'a😀b👍🏽c'", (unit) => {
    const index = new CodePointIndex(text);
    expect(() => index.toCodePoint(unit)).toThrow(RangeError);
    expect(() => index.toCodePoint(unit, "up")).toThrow(RangeError);
  });

  it("uses the UTF-16 length as the upper bound", () => {
    const index = new CodePointIndex("😀");
    expect(index.toCodePoint(2)).toBe(1);
    expect(() => index.toCodePoint(3)).toThrow(/0\.\.2/);
  });
});

describe("CodePointIndex.slice", () => {
  it.each<[string, number, number, string]>([
    ["🚢 ab", 0, 1, "🚢"],
    ["🚢 ab", 1, 4, " ab"],
    ["🚢 ab", 2, 4, "ab"],
    ["a😀b👍🏽c", 3, 5, THUMBS],
    ["a😀b👍🏽c", 3, 4, "👍"],
    ["a😀b👍🏽c", 4, 6, "🏽c"],
    [MIXED, 0, 7, "«مرحبا»"],
    [MIXED, 8, 13, FAMILY],
    [MIXED, 14, 18, "said"],
    [MIXED, 19, 22, "日本語"],
    [MIXED, 23, 25, FLAG],
    [MIXED, 26, 28, E_ACUTE],
    [MIXED, 26, 27, "e"],
    [MIXED, 28, 29, "!"],
    ["中国外交部", 2, 5, "外交部"],
    ["שלום", 1, 3, "לו"],
    ["", 0, 0, ""],
    ["a😀b", 2, 1, ""], // Python: 'a😀b'[2:1] == ''
  ])("%j[%i:%i] is %j", (text, start, end, expected) => {
    expect(new CodePointIndex(text).slice(start, end)).toBe(expected);
    expect(sliceCodePoints(text, start, end)).toBe(expected);
  });

  it("equals Array.from(text).slice(s, e).join('') for every s <= e of every test string", () => {
    for (const text of PROPERTY_TEXTS) {
      const index = new CodePointIndex(text);
      const points = Array.from(text);
      for (let s = 0; s <= points.length; s++) {
        for (let e = s; e <= points.length; e++) {
          const expected = points.slice(s, e).join("");
          expect(index.slice(s, e), `${JSON.stringify(text)}[${s}:${e}]`).toBe(expected);
          expect(sliceCodePoints(text, s, e)).toBe(expected);
        }
      }
    }
  });

  it.each<[number, number]>([
    [-1, 2],
    [0, 7],
    [7, 7],
    [0.5, 2],
    [0, Number.NaN],
  ])("throws RangeError for [%s:%s] on 'a😀b👍🏽c' (length 6)", (start, end) => {
    expect(() => new CodePointIndex("a😀b👍🏽c").slice(start, end)).toThrow(RangeError);
    expect(() => sliceCodePoints("a😀b👍🏽c", start, end)).toThrow(RangeError);
  });
});
