import { Schema, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { EditorTextMap } from "./editor-map";

const FAMILY = "👨\u200d👩\u200d👧";

/**
 * Editor position of every code point offset 0..length, built independently of the module: each
 * line is one paragraph whose content starts at 1 + Σ(previous lines' UTF-16 length + 2); inside a
 * line the position advances by each code point's UTF-16 length; the "\n" that ends a line sits at
 * the end of that line's paragraph content.
 */
function expectedEditorPositions(text: string): number[] {
  const positions: number[] = [];
  let paragraphStart = 1;
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    let column = 0;
    positions.push(paragraphStart + column);
    for (const cp of Array.from(line)) {
      column += cp.length;
      positions.push(paragraphStart + column);
    }
    // The last position pushed is the end of the line: that is the "\n" offset (or the text end).
    if (i < lines.length - 1) paragraphStart += line.length + 2;
  });
  return positions;
}

// A real ProseMirror document shaped like the article editor's: doc > paragraph+ > text*.
const schema = new Schema({
  nodes: {
    doc: { content: "paragraph+" },
    paragraph: { content: "text*" },
    text: {},
  },
});

function proseMirrorDoc(text: string): ProseMirrorNode {
  return schema.node(
    "doc",
    null,
    text.split("\n").map((line) => schema.node("paragraph", null, line === "" ? [] : [schema.text(line)])),
  );
}

const MULTILINE = ["«Hello» 🚢 said 😀.", "日本語 👍🏽 中国外交部", "", `مرحبا שלום ${FAMILY}`, "cafe\u0301 🇯🇵 end 😀😀", ""].join("\n");

const SAMPLES = ["", "plain", "ab\ncd", "a\n\nb", "\n", "\n\n😀\n", "😀x\n👍🏽", MULTILINE, "  Hello, world!  \n\n  «مرحبا» 👍🏽  \n日本語"];

describe("EditorTextMap basics", () => {
  it("splits the text into one line per paragraph and keeps the text", () => {
    const map = new EditorTextMap("a\n\n😀b\n");
    expect(map.lines).toEqual(["a", "", "😀b", ""]);
    expect(map.text).toBe("a\n\n😀b\n");
    expect(map.index.length).toBe(6);
  });
});

describe("EditorTextMap.toEditorPos", () => {
  it.each<[string, number[]]>([
    ["", [1]],
    ["abc", [1, 2, 3, 4]],
    // paragraph 0 "ab" starts at 1; paragraph 1 "cd" starts at 1 + 2 + 2 = 5
    ["ab\ncd", [1, 2, 3, 5, 6, 7]],
    // "a" at 1; "" at 4; "b" at 6
    ["a\n\nb", [1, 2, 4, 6, 7]],
    // "😀x" (3 units) at 1; "👍🏽" (4 units) at 1 + 3 + 2 = 6
    ["😀x\n👍🏽", [1, 3, 4, 6, 8, 10]],
    ["\n", [1, 3]],
    ["日本\nשל", [1, 2, 3, 5, 6, 7]],
  ])("maps every code point offset of %j", (text, positions) => {
    const map = new EditorTextMap(text);
    expect(positions.map((_, p) => map.toEditorPos(p))).toEqual(positions);
    expect(expectedEditorPositions(text)).toEqual(positions); // the helper agrees with the table
  });

  it("throws RangeError outside 0..length (code points)", () => {
    const map = new EditorTextMap("😀x\n👍🏽");
    expect(() => map.toEditorPos(-1)).toThrow(RangeError);
    expect(() => map.toEditorPos(6)).toThrow(RangeError);
    expect(() => map.toEditorPos(1.5)).toThrow(RangeError);
  });

  it("matches the independently computed position of every offset of every sample", () => {
    for (const text of SAMPLES) {
      const map = new EditorTextMap(text);
      const expected = expectedEditorPositions(text);
      expect(expected.length - 1).toBe(map.index.length);
      for (let p = 0; p < expected.length; p++) {
        expect(map.toEditorPos(p), `${JSON.stringify(text)} @ ${p}`).toBe(expected[p]);
      }
    }
  });

  it("agrees with a real ProseMirror document built from the lines", () => {
    for (const text of SAMPLES) {
      const map = new EditorTextMap(text);
      const doc = proseMirrorDoc(text);
      const points = Array.from(text);
      const expectedSize = text.split("\n").reduce((sum, line) => sum + line.length + 2, 0);
      expect(doc.content.size).toBe(expectedSize);
      for (let p = 0; p <= points.length; p++) {
        const pos = map.toEditorPos(p);
        const resolved = doc.resolve(pos);
        expect(resolved.parent.type.name, `${JSON.stringify(text)} @ ${p}`).toBe("paragraph");
        // The document text before the position, one "\n" between paragraphs, is text[:p].
        expect(doc.textBetween(0, pos, "\n")).toBe(points.slice(0, p).join(""));
      }
    }
  });
});

describe("EditorTextMap.toEditorRange", () => {
  it.each<[string, number, number, number, number]>([
    ["ab\ncd", 0, 2, 1, 3],
    ["ab\ncd", 1, 4, 2, 6], // ends in the next paragraph
    ["😀x\n👍🏽", 1, 4, 3, 8],
    ["😀x\n👍🏽", 0, 5, 1, 10],
    [MULTILINE, 8, 9, 9, 11], // the 🚢
  ])("in %j span [%i, %i) is editor range %i..%i", (text, start, end, from, to) => {
    expect(new EditorTextMap(text).toEditorRange({ start, end })).toEqual({ from, to });
  });

  it("covers exactly the span's text in a real ProseMirror document", () => {
    const map = new EditorTextMap(MULTILINE);
    const doc = proseMirrorDoc(MULTILINE);
    const points = Array.from(MULTILINE);
    for (let s = 0; s <= points.length; s += 2) {
      for (let e = s; e <= points.length; e += 5) {
        const { from, to } = map.toEditorRange({ start: s, end: e });
        expect(doc.textBetween(from, to, "\n")).toBe(points.slice(s, e).join(""));
      }
    }
  });
});

describe("EditorTextMap.fromEditorPos", () => {
  it.each<[string, [number, number][]]>([
    // [editor pos, code point]; 0 is before the first paragraph, 4 between the two, 8 past the end
    [
      "ab\ncd",
      [
        [0, 0],
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 2],
        [5, 3],
        [6, 4],
        [7, 5],
        [8, 5],
        [100, 5],
      ],
    ],
    [
      "a\n\nb",
      [
        [0, 0],
        [1, 0],
        [2, 1],
        [3, 1], // between "a" and the empty paragraph: onto the first "\n"
        [4, 2], // inside the empty paragraph
        [5, 2], // between the empty paragraph and "b"
        [6, 3],
        [7, 4],
        [8, 4],
      ],
    ],
    [
      "",
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
    ],
  ])("maps the editor positions of %j", (text, table) => {
    const map = new EditorTextMap(text);
    for (const [pos, point] of table) {
      expect(map.fromEditorPos(pos), `pos ${pos}`).toBe(point);
      expect(map.fromEditorPos(pos, "up"), `pos ${pos} up`).toBe(point);
    }
  });

  it.each<[number, number, number]>([
    // "😀x\n👍🏽": [editor pos, down, up]
    [1, 0, 0],
    [2, 0, 1], // inside 😀
    [3, 1, 1],
    [4, 2, 2],
    [5, 2, 2], // between the paragraphs
    [6, 3, 3],
    [7, 3, 4], // inside 👍
    [8, 4, 4],
    [9, 4, 5], // inside 🏽
    [10, 5, 5],
  ])("in '😀x\\n👍🏽' editor position %i is code point %i (down) / %i (up)", (pos, down, up) => {
    const map = new EditorTextMap("😀x\n👍🏽");
    expect(map.fromEditorPos(pos, "down")).toBe(down);
    expect(map.fromEditorPos(pos)).toBe(down);
    expect(map.fromEditorPos(pos, "up")).toBe(up);
  });

  it("round-trips every code point offset of every sample, with both roundings", () => {
    for (const text of SAMPLES) {
      const map = new EditorTextMap(text);
      for (let p = 0; p <= map.index.length; p++) {
        const pos = map.toEditorPos(p);
        expect(map.fromEditorPos(pos), `${JSON.stringify(text)} @ ${p}`).toBe(p);
        expect(map.fromEditorPos(pos, "up")).toBe(p);
      }
    }
  });

  it("maps every editor position of the multi-line sample to a code point boundary", () => {
    const map = new EditorTextMap(MULTILINE);
    const expected = expectedEditorPositions(MULTILINE);
    const doc = proseMirrorDoc(MULTILINE);
    for (let pos = 0; pos <= doc.content.size; pos++) {
      const down = map.fromEditorPos(pos, "down");
      const up = map.fromEditorPos(pos, "up");
      const exact = expected.indexOf(pos);
      if (exact >= 0) {
        expect(down, `pos ${pos}`).toBe(exact);
        expect(up, `pos ${pos}`).toBe(exact);
        continue;
      }
      const resolved = doc.resolve(pos);
      if (resolved.parent.type.name === "paragraph") {
        // Inside a surrogate pair: the enclosing code point, start (down) or end (up).
        expect(up, `pos ${pos}`).toBe(down + 1);
        expect(expected[down]).toBe(pos - 1);
        expect(expected[up]).toBe(pos + 1);
      } else {
        // Before the first paragraph, between two paragraphs or after the last: onto the end of
        // the previous line (its "\n", or the end of the text), or 0 before the first.
        expect(up).toBe(down);
        const following = resolved.index(0); // index of the paragraph after pos
        const lines = MULTILINE.split("\n");
        const endOfLine = (k: number): number => lines.slice(0, k + 1).reduce((sum, line) => sum + Array.from(line).length, 0) + k;
        expect(down, `pos ${pos}`).toBe(following === 0 ? 0 : endOfLine(following - 1));
      }
    }
  });
});

describe("EditorTextMap.spanFromSelection", () => {
  // Code points: line 0 "  Hello, world!  " is 0..17 ("H" at 2, "!" at 14), "\n" at 17, empty
  // line 1, "\n" at 18, line 2 "  «مرحبا» 👍🏽  " is 19..33 ("«" at 21, "»" at 27, 👍 at 29, 🏽 at 30),
  // "\n" at 33, line 3 "日本語" is 34..37.
  const TEXT = "  Hello, world!  \n\n  «مرحبا» 👍🏽  \n日本語";
  const map = new EditorTextMap(TEXT);
  const pos = expectedEditorPositions(TEXT);
  const at = (p: number): number => pos[p] as number;
  const slice = (span: { start: number; end: number } | null): string | null =>
    span === null ? null : map.index.slice(span.start, span.end);

  it("has the layout the cases below assume", () => {
    expect(map.index.length).toBe(37);
    expect(map.index.slice(2, 7)).toBe("Hello");
    expect(map.index.slice(21, 28)).toBe("«مرحبا»");
    expect(map.index.slice(29, 31)).toBe("👍🏽");
    expect(map.index.slice(34, 37)).toBe("日本語");
  });

  it.each<[string, number, number, { start: number; end: number } | null, string | null]>([
    ["a word", at(2), at(7), { start: 2, end: 7 }, "Hello"],
    ["a word selected backwards", at(7), at(2), { start: 2, end: 7 }, "Hello"],
    ["a whole line with its padding", at(0), at(17), { start: 2, end: 15 }, "Hello, world!"],
    ["from before the first paragraph", 0, at(7), { start: 2, end: 7 }, "Hello"],
    ["the whole document", 0, 1000, { start: 2, end: 37 }, TEXT.trim()],
    ["the whole document backwards", 1000, 0, { start: 2, end: 37 }, TEXT.trim()],
    ["across paragraphs", at(7), at(28), { start: 7, end: 28 }, ", world!  \n\n  «مرحبا»"],
    ["across paragraphs backwards", at(28), at(7), { start: 7, end: 28 }, ", world!  \n\n  «مرحبا»"],
    ["ending between paragraphs", at(2), at(17) + 1, { start: 2, end: 15 }, "Hello, world!"],
    ["ending at the start of a later paragraph", at(2), at(19), { start: 2, end: 15 }, "Hello, world!"],
    ["starting between paragraphs", at(17) + 1, at(28), { start: 21, end: 28 }, "«مرحبا»"],
    ["RTL word after emoji-free padding", at(22), at(27), { start: 22, end: 27 }, "مرحبا"],
    ["emoji with skin tone", at(29), at(31), { start: 29, end: 31 }, "👍🏽"],
    ["from inside 👍 to inside 🏽", at(29) + 1, at(30) + 1, { start: 29, end: 31 }, "👍🏽"],
    // A selection never splits a character: it takes 👍🏽 whole (the API refuses half of one).
    ["from inside 🏽 to the line end", at(30) + 1, at(33), { start: 29, end: 31 }, "👍🏽"],
    ["from 🏽 alone", at(30), at(31), { start: 29, end: 31 }, "👍🏽"],
    ["from the RTL word to the CJK line", at(22), at(37), { start: 22, end: 37 }, "مرحبا» 👍🏽  \n日本語"],
    ["CJK after a newline", at(33), at(37), { start: 34, end: 37 }, "日本語"],
    ["only spaces", at(0), at(2), null, null],
    ["only spaces and newlines across three paragraphs", at(15), at(21), null, null],
    ["inside the empty paragraph", at(18), at(18), null, null],
    ["between paragraphs to inside the empty one", at(17) + 1, at(18) + 1, null, null],
    ["a collapsed selection", at(5), at(5), null, null],
    ["the trailing spaces of line 2", at(31), at(33) + 1, null, null],
  ])("%s", (_name, from, to, span, text) => {
    const result = map.spanFromSelection(from, to);
    expect(result).toEqual(span);
    expect(slice(result)).toBe(text);
  });

  it.each<[string, string, string]>([
    ["combining mark before the selection", "cafe\u0301 au lait", "au"],
    ["combining mark inside the selection", "un cafe\u0301 noir", "cafe\u0301"],
    ["ZWJ family before the selection", `${FAMILY} ${FAMILY} said hi`, "said"],
    ["ZWJ family inside the selection", `they: ${FAMILY} !`, FAMILY],
    ["flag inside the selection", "go 🇯🇵 now", "🇯🇵 now"],
    ["CJK before the selection", "中国外交部 表示 😀 ok", "😀 ok"],
    ["Hebrew and Arabic", "שלום مرحبا 😀", "مرحبا"],
    ["ideographic and no-break spaces trimmed", "日本\u3000\u00a0語です\u00a0\u3000", "語です"],
    ["tab trimmed", "a\t\tword\t", "word"],
  ])("%s", (_name, text, target) => {
    const map2 = new EditorTextMap(text);
    const utf16Start = text.indexOf(target);
    const start = Array.from(text.slice(0, utf16Start)).length;
    const end = start + Array.from(target).length;
    const expectedPos = expectedEditorPositions(text);
    // Exact selection.
    expect(map2.spanFromSelection(expectedPos[start] as number, expectedPos[end] as number)).toEqual({ start, end });
    // Selection padded with the surrounding whitespace (if any) trims back to the target.
    let padStart = start;
    let padEnd = end;
    const points = Array.from(text);
    while (padStart > 0 && /\s/.test(points[padStart - 1] as string)) padStart--;
    while (padEnd < points.length && /\s/.test(points[padEnd] as string)) padEnd++;
    expect(map2.spanFromSelection(expectedPos[padEnd] as number, expectedPos[padStart] as number)).toEqual({
      start,
      end,
    });
    expect(map2.index.slice(start, end)).toBe(target);
  });

  it("trims, widens to whole characters and round-trips every non-blank span of a multi-line text with emoji on several lines", () => {
    const m = new EditorTextMap(MULTILINE);
    const points = Array.from(MULTILINE);
    const expectedPos = expectedEditorPositions(MULTILINE);
    // Character boundaries in code points, from Intl.Segmenter directly.
    const boundaries = [0];
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(MULTILINE)) {
      boundaries.push((boundaries.at(-1) as number) + Array.from(segment).length);
    }
    for (let s = 0; s <= points.length; s++) {
      for (let e = s; e <= points.length; e++) {
        let ts = s;
        let te = e;
        while (ts < te && /\s/.test(points[ts] as string)) ts++;
        while (te > ts && /\s/.test(points[te - 1] as string)) te--;
        const down = (p: number) => Math.max(...boundaries.filter((b) => b <= p));
        const up = (p: number) => Math.min(...boundaries.filter((b) => b >= p));
        const expected = ts < te ? { start: down(ts), end: up(te) } : null;
        const from = expectedPos[s] as number;
        const to = expectedPos[e] as number;
        expect(m.spanFromSelection(from, to), `[${s}, ${e})`).toEqual(expected);
        expect(m.spanFromSelection(to, from), `[${e}, ${s}) backwards`).toEqual(expected);
      }
    }
  });
});

describe("EditorTextMap.spanFromSelection with a collapsed selection", () => {
  it("is null even when the position falls inside a surrogate pair", () => {
    const map = new EditorTextMap("a👍b");
    for (let pos = 1; pos <= 5; pos++) expect(map.spanFromSelection(pos, pos)).toBeNull();
  });
});
