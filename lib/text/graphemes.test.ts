import { describe, expect, it } from "vitest";
import { CodePointIndex } from "./code-points";
import { clusterAround } from "./graphemes";

// Expected clusters counted by hand in code points (Python's len): 👍🏽 is 2, 👨‍👩‍👧 is 5
// (three people, two ZWJ), 🇯🇵 and 🇫🇷 are 2 each, e + U+0301 is 2.
describe("clusterAround", () => {
  const text = "a👍🏽 👨\u200d👩\u200d👧 🇯🇵🇫🇷 cafe\u0301!";
  // a 0 | 👍🏽 1..3 | space 3 | family 4..9 | space 9 | 🇯🇵 10..12 🇫🇷 12..14 | space 14 | c 15 a 16 f 17 e+́ 18..20 | ! 20
  const index = new CodePointIndex(text);

  it.each<[number, { start: number; end: number } | null]>([
    [0, null],
    [1, null],
    [2, { start: 1, end: 3 }], // between 👍 and its skin tone
    [3, null],
    [4, null],
    [5, { start: 4, end: 9 }], // after 👨, before the ZWJ
    [6, { start: 4, end: 9 }], // after 👨 + ZWJ
    [8, { start: 4, end: 9 }],
    [9, null],
    [11, { start: 10, end: 12 }], // between the two regional indicators of 🇯🇵
    [12, null], // between the flags
    [13, { start: 12, end: 14 }], // inside 🇫🇷
    [14, null],
    [19, { start: 18, end: 20 }], // between e and its accent
    [20, null],
    [21, null],
  ])("offset %i → %j", (point, expected) => {
    expect(clusterAround(index, point)).toEqual(expected);
  });

  it("sees only one-code-point characters in plain and astral-only text", () => {
    const plain = new CodePointIndex("😀🚢 abc");
    for (let p = 0; p <= plain.length; p++) expect(clusterAround(plain, p)).toBeNull();
  });
});
