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

describe("long texts, segmented only around the offset asked about", () => {
  it("finds the same clusters as one pass over the whole text", () => {
    // Clusters of every kind, scattered over a text many pieces long, CJK, RTL and CR LF between.
    const pieces = ["👍🏽", "👨\u200d👩\u200d👧", "🇯🇵🇫🇷", "e\u0301", "中国", "مرحبا", "\r\n", "word", " ", "a\u0308\u0301"];
    let text = "";
    for (let i = 0; text.length < 30_000; i++) text += pieces[(i * 7) % pieces.length] + (i % 5 === 0 ? "" : " ");
    const index = new CodePointIndex(text);
    const whole: { start: number; end: number }[] = [];
    for (const { index: unit, segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
      if ([...segment].length > 1) whole.push({ start: index.toCodePoint(unit), end: index.toCodePoint(unit + segment.length) });
    }
    expect(whole.length).toBeGreaterThan(1000);
    for (const cluster of whole) {
      for (let p = cluster.start + 1; p < cluster.end; p++) expect(clusterAround(index, p)).toEqual(cluster);
      expect(clusterAround(index, cluster.start)).toBeNull();
    }
  });

  it("answers at once in a 100,000-word article (over which one pass of V8's segmenter does not finish)", () => {
    const words: string[] = [];
    for (let i = 0; i < 100_000; i++) words.push(i % 97 === 0 ? "👍🏽" : i % 53 === 0 ? "中国" : `word${i % 10}`);
    const index = new CodePointIndex(words.join(" "));
    const thumb = [...index.text].indexOf("👍");
    expect(clusterAround(index, thumb + 1)).toEqual({ start: thumb, end: thumb + 2 });
  });
});
