import { describe, expect, it } from "vitest";
import { CodePointIndex, codePointLength } from "./code-points";
import { QUOTE_CONTEXT_LENGTH, checkSpan, describeQuote, type SpanProblem } from "./quote-selector";

const FAMILY = "👨\u200d👩\u200d👧";
const THUMBS = "👍🏽";

describe("describeQuote", () => {
  it("keeps 32 code points of context by default", () => {
    expect(QUOTE_CONTEXT_LENGTH).toBe(32);
  });

  it.each<[string, number, number, { exact: string; prefix: string; suffix: string }]>([
    ["🚢 ab", 2, 4, { exact: "ab", prefix: "🚢 ", suffix: "" }],
    ["🚢 ab", 0, 1, { exact: "🚢", prefix: "", suffix: " ab" }],
    ["a😀b👍🏽c", 3, 5, { exact: THUMBS, prefix: "a😀b", suffix: "c" }],
    ["a😀b👍🏽c", 4, 5, { exact: "🏽", prefix: "a😀b👍", suffix: "c" }],
    [`x ${FAMILY} y`, 2, 7, { exact: FAMILY, prefix: "x ", suffix: " y" }],
    ["قال مرحبا للجميع", 4, 9, { exact: "مرحبا", prefix: "قال ", suffix: " للجميع" }],
    ["אמר שלום לכולם", 4, 8, { exact: "שלום", prefix: "אמר ", suffix: " לכולם" }],
    ["中国外交部表示", 0, 5, { exact: "中国外交部", prefix: "", suffix: "表示" }],
    ["cafe\u0301 ok", 3, 5, { exact: "e\u0301", prefix: "caf", suffix: " ok" }],
  ])("describes %j [%i, %i)", (text, start, end, expected) => {
    expect(describeQuote(new CodePointIndex(text), { start, end })).toEqual(expected);
  });

  it("counts context in code points: 40 emoji before and after leave 32 each side", () => {
    const text = `${"😀".repeat(40)}X${"🚢".repeat(40)}`;
    const quote = describeQuote(new CodePointIndex(text), { start: 40, end: 41 });
    expect(quote.exact).toBe("X");
    expect(quote.prefix).toBe("😀".repeat(32));
    expect(codePointLength(quote.prefix)).toBe(32);
    expect(quote.prefix.length).toBe(64);
    expect(quote.suffix).toBe("🚢".repeat(32));
    expect(codePointLength(quote.suffix)).toBe(32);
  });

  it("takes exactly 32 code points of context from longer plain text", () => {
    const text = `${"a".repeat(50)}[quote]${"b".repeat(50)}`;
    const quote = describeQuote(new CodePointIndex(text), { start: 50, end: 57 });
    expect(quote).toEqual({ exact: "[quote]", prefix: "a".repeat(32), suffix: "b".repeat(32) });
  });

  it("clips the context at both edges of the text", () => {
    const text = "short 😀 text";
    const index = new CodePointIndex(text);
    expect(describeQuote(index, { start: 6, end: 7 })).toEqual({ exact: "😀", prefix: "short ", suffix: " text" });
    expect(describeQuote(index, { start: 0, end: 12 })).toEqual({ exact: text, prefix: "", suffix: "" });
  });

  it("honours a custom context length", () => {
    const index = new CodePointIndex("😀😀😀😀X😀😀😀😀");
    expect(describeQuote(index, { start: 4, end: 5 }, 3)).toEqual({ exact: "X", prefix: "😀😀😀", suffix: "😀😀😀" });
    expect(describeQuote(index, { start: 4, end: 5 }, 0)).toEqual({ exact: "X", prefix: "", suffix: "" });
  });

  it("matches Array.from-based slicing for every span of a long mixed text", () => {
    const text =
      `«مرحبا» said the minister 👨\u200d👩\u200d👧 today; 中国外交部 replied 👍🏽 and ` + `שלום 🇯🇵 cafe\u0301 — ${"😀".repeat(20)} end.`;
    const points = Array.from(text);
    const index = new CodePointIndex(text);
    expect(points.length).toBeGreaterThan(2 * QUOTE_CONTEXT_LENGTH);
    for (let s = 0; s < points.length; s++) {
      for (let e = s + 1; e <= points.length; e += 3) {
        const quote = describeQuote(index, { start: s, end: e });
        expect(quote).toEqual({
          exact: points.slice(s, e).join(""),
          prefix: points.slice(Math.max(0, s - 32), s).join(""),
          suffix: points.slice(e, e + 32).join(""),
        });
      }
    }
  });
});

describe("checkSpan", () => {
  // "🚢 ab": 4 code points, 5 UTF-16 units.
  const index = new CodePointIndex("🚢 ab");

  it.each<[string, number, number, string | undefined, SpanProblem["code"] | null]>([
    ["valid whole text", 0, 4, undefined, null],
    ["valid emoji", 0, 1, "🚢", null],
    ["valid with matching exact", 2, 4, "ab", null],
    ["non-integer start", 0.5, 2, undefined, "not_integer"],
    ["non-integer end", 0, 2.5, undefined, "not_integer"],
    ["NaN start", Number.NaN, 2, undefined, "not_integer"],
    ["infinite end", 0, Number.POSITIVE_INFINITY, undefined, "not_integer"],
    ["non-integer before out of range", -0.5, 99, undefined, "not_integer"],
    ["negative start", -1, 2, undefined, "out_of_range"],
    ["end past the code point length", 0, 5, undefined, "out_of_range"], // 5 == UTF-16 length
    ["both past the end", 6, 9, undefined, "out_of_range"],
    ["out of range before empty", -3, -5, undefined, "out_of_range"],
    ["empty span", 2, 2, undefined, "empty"],
    ["empty span at the end", 4, 4, undefined, "empty"],
    ["reversed span", 3, 1, undefined, "empty"],
    ["empty span ignores exact", 2, 2, "", "empty"],
    ["UTF-16 offsets for 'ab'", 3, 5, "ab", "out_of_range"],
  ])("%s: [%s, %s) exact=%j → %s", (_name, start, end, exact, code) => {
    const problem = checkSpan(index, { start, end }, exact);
    if (code === null) expect(problem).toBeNull();
    else expect(problem?.code).toBe(code);
  });

  it("reports the code point length in the out_of_range message", () => {
    const problem = checkSpan(index, { start: 0, end: 5 });
    expect(problem).toEqual({ code: "out_of_range", field: "end", message: expect.stringContaining("0..4") });
    expect(checkSpan(index, { start: -1, end: 2 })).toMatchObject({ field: "start" });
  });

  it.each<[number, number, string, string]>([
    [2, 4, "a", "ab"],
    [1, 3, "ab", " a"], // the UTF-16 reading of [2, 4) would be " a"
    [0, 1, "\ud83d", "🚢"],
    [0, 2, "🚢", "🚢 "],
  ])("[%i, %i) with exact %j is an exact_mismatch whose actual is %j", (start, end, exact, actual) => {
    const problem = checkSpan(index, { start, end }, exact);
    expect(problem).toEqual({ code: "exact_mismatch", message: expect.any(String), actual });
  });

  it("checks exact in code points on text with astral characters, RTL and combining marks", () => {
    const text = `«مرحبا» ${FAMILY} שלום cafe\u0301`;
    const idx = new CodePointIndex(text);
    expect(checkSpan(idx, { start: 0, end: 7 }, "«مرحبا»")).toBeNull();
    expect(checkSpan(idx, { start: 8, end: 13 }, FAMILY)).toBeNull();
    expect(checkSpan(idx, { start: 14, end: 18 }, "שלום")).toBeNull();
    expect(checkSpan(idx, { start: 22, end: 24 }, "e\u0301")).toBeNull();
    expect(checkSpan(idx, { start: 22, end: 24 }, "é")).toEqual({
      code: "exact_mismatch",
      message: expect.any(String),
      actual: "e\u0301",
    });
    expect(checkSpan(idx, { start: 0, end: 25 })?.code).toBe("out_of_range");
    expect(checkSpan(idx, { start: 0, end: 24 })).toBeNull();
  });

  it.each<[string, string, number, number, "start" | "end"]>([
    ["ends between 👍 and its skin tone", "I 👍🏽 it", 2, 3, "end"],
    ["starts at the skin tone modifier", "I 👍🏽 it", 3, 4, "start"],
    ["ends inside a ZWJ sequence (👨 + ZWJ)", `x ${FAMILY} y`, 0, 4, "end"],
    ["takes 🇵🇫 out of 🇯🇵🇫🇷", "🇯🇵🇫🇷", 1, 3, "start"],
    ["leaves a combining accent behind", "cafe\u0301 ok", 0, 4, "end"],
    ["starts at a combining accent", "cafe\u0301 ok", 4, 7, "start"],
  ])("refuses a span that %s", (_name, text, start, end, field) => {
    const problem = checkSpan(new CodePointIndex(text), { start, end });
    expect(problem).toMatchObject({ code: "splits_character", field });
    expect(problem?.message).toContain(`${field} ${field === "start" ? start : end} falls inside the character`);
  });

  it.each<[string, string, number, number, "start" | "end", number]>([
    ["starts with a space", "say it now", 3, 6, "start", 3],
    ["ends with a space", "say it now", 4, 7, "end", 6],
    ["ends with a newline", "first\nsecond", 0, 6, "end", 5],
    ["starts with a tab", "a\tb", 1, 3, "start", 1],
    ["starts with a no-break space", "50\u00a0km", 2, 5, "start", 2],
    ["ends with an ideographic space after an emoji", "🚢\u3000x", 0, 2, "end", 1],
    ["is only whitespace", "a \n b", 1, 4, "start", 1],
  ])("refuses a span that %s, naming the offset", (_name, text, start, end, field, at) => {
    const problem = checkSpan(new CodePointIndex(text), { start, end });
    expect(problem).toMatchObject({ code: "edge_whitespace", field });
    expect(problem?.message).toMatch(
      new RegExp(`^${field} ${field === "start" ? start : end}: the span .* whitespace .*at code point ${at}\\)`),
    );
  });

  it("accepts whitespace inside a span, and tells a mismatched exact before whitespace", () => {
    expect(checkSpan(new CodePointIndex("say it now"), { start: 0, end: 10 })).toBeNull();
    expect(checkSpan(new CodePointIndex("a\n\nb"), { start: 0, end: 4 }, "a\n\nb")).toBeNull();
    expect(checkSpan(new CodePointIndex("say it"), { start: 3, end: 6 }, "it")?.code).toBe("exact_mismatch");
  });

  it("accepts spans around whole clusters", () => {
    expect(checkSpan(new CodePointIndex("I 👍🏽 it"), { start: 2, end: 4 }, THUMBS)).toBeNull();
    expect(checkSpan(new CodePointIndex("🇯🇵🇫🇷"), { start: 2, end: 4 }, "🇫🇷")).toBeNull();
  });
});
