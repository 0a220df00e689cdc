import { describe, expect, it } from "vitest";
import { newlineOffsetMap, normalizeNewlines, textStorageProblem } from "./normalize";

describe("normalizeNewlines", () => {
  it.each<[string, string]>([
    ["", ""],
    ["a\r\nb", "a\nb"],
    ["a\rb", "a\nb"],
    ["a\nb", "a\nb"],
    ["\r\n", "\n"],
    ["\r", "\n"],
    ["\r\n\r\n", "\n\n"],
    ["\r\r", "\n\n"],
    ["a\r\r\nb", "a\n\nb"], // lone CR, then CRLF
    ["a\n\rb", "a\n\nb"], // LF then lone CR: two line breaks
    ["a\r\n\nb", "a\n\nb"],
    ["line 1\r\nline 2\rline 3\nline 4\r\n", "line 1\nline 2\nline 3\nline 4\n"],
    ["😀\r\n日本語\rمرحبا\r\nשלום", "😀\n日本語\nمرحبا\nשלום"],
  ])("normalizeNewlines(%j) is %j", (input, expected) => {
    expect(normalizeNewlines(input)).toBe(expected);
  });

  it.each([
    "plain text",
    "tab\there",
    "vertical\u000btab and form\u000cfeed",
    "next line\u0085 and line separator\u2028 and paragraph separator\u2029",
    "  leading and trailing spaces  ",
    "no-break\u00a0space and ideographic\u3000space",
    "😀 👍🏽 👨\u200d👩\u200d👧 🇯🇵 cafe\u0301 中国外交部 مرحبا שלום",
    "\n\n\n",
    "\\r\\n as literal backslashes",
  ])("leaves %j unchanged", (text) => {
    expect(normalizeNewlines(text)).toBe(text);
  });

  it("is idempotent and never leaves a CR behind", () => {
    const input = "\r\r\n\n\r\ra\r\n😀\r";
    const once = normalizeNewlines(input);
    expect(once).toBe("\n\n\n\n\na\n😀\n");
    expect(once).not.toContain("\r");
    expect(normalizeNewlines(once)).toBe(once);
  });
});

describe("textStorageProblem", () => {
  it.each([
    "",
    "plain",
    "😀 👍🏽 👨\u200d👩\u200d👧 🇯🇵",
    "cafe\u0301 中国外交部 مرحبا שלום",
    "control \u0001 \u001f \u007f characters other than NUL",
    "\uffff\ufffe noncharacters and \ufffd replacement",
    "line\nbreaks\r\nand\rreturns",
  ])("accepts %j", (text) => {
    expect(textStorageProblem(text)).toBeNull();
  });

  it.each([["\u0000"], ["a\u0000b"], ["ends with NUL\u0000"], ["😀\u0000😀"]])("refuses NUL in %j", (text) => {
    expect(textStorageProblem(text)).toMatch(/NUL/);
  });

  it.each([
    ["\ud83d"],
    ["\ude00"],
    ["a\ud83db"],
    ["😀\ud83d"],
    ["\ude00\ud83d"],
    ["ok 👍\ud83c"], // half of the skin tone modifier
  ])("refuses the unpaired surrogate in %j", (text) => {
    expect(textStorageProblem(text)).toMatch(/surrogate/);
  });

  it("reports NUL first when both problems occur", () => {
    expect(textStorageProblem("\u0000\ud83d")).toMatch(/NUL/);
  });
});

describe("newlineOffsetMap", () => {
  it("moves offsets back by the CRs of CRLFs before them, in code points", () => {
    const raw = "a\r\n🚢 b\r\nc\rd";
    const stored = normalizeNewlines(raw); // "a\n🚢 b\nc\nd"
    const map = newlineOffsetMap(raw)!;
    const points = Array.from(raw);
    const storedPoints = Array.from(stored);
    // Every offset not between a CR and its LF slices the same character in both texts.
    for (let offset = 0; offset < points.length; offset++) {
      if (points[offset - 1] === "\r" && points[offset] === "\n") continue;
      const expected = points[offset] === "\r" ? "\n" : points[offset];
      expect(storedPoints[map(offset)], `offset ${offset}`).toBe(expected);
    }
    expect([0, 1, 2, 3, 5, 8, 10, points.length].map(map)).toEqual([0, 1, 1, 2, 4, 6, 8, storedPoints.length]);
  });

  it("is null when there is no CRLF", () => {
    expect(newlineOffsetMap("a\nb\rc 🚢")).toBeNull();
  });
});
