import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../text/code-points";
import type { Label, QuoteKind } from "../model/vocabulary";
import { defaultQuoteKind, resolveQuoteKind, resolveSpan } from "./span-rules";

describe("defaultQuoteKind", () => {
  it.each<[string, QuoteKind | null]>([
    ["“We will win,” she said", "direct"],
    ['"We will win," she said', "direct"],
    ["«Nous gagnerons»", "direct"],
    ["„Wir gewinnen“", "direct"],
    ["「勝つ」と述べた", "direct"],
    ["『勝つ』", "direct"],
    ["‘single’", "direct"],
    ["'single'", "direct"],
    ["‹guillemet›", "direct"],
    ["»Danish style«", "direct"],
    ["＂fullwidth＂", "direct"],
    ["〝double prime〟", "direct"],
    ["She said we will win", null],
    ["", null],
    [" “leading space”", null],
    ["😀 “emoji first”", null],
    ["中国外交部表示", null],
    ["مرحبا", null],
    ["שלום", null],
    ["(parenthesis)", null],
    ["`backtick`", null],
  ])("defaultQuoteKind(%j) is %s", (exact, expected) => {
    expect(defaultQuoteKind(exact)).toBe(expected);
  });
});

describe("resolveSpan", () => {
  // "🚢 «ab» 😀": 🚢 0, space 1, « 2, a 3, b 4, » 5, space 6, 😀 7; length 8 (10 UTF-16 units)
  const index = new CodePointIndex("🚢 «ab» 😀");

  it.each<[number, number, string | undefined, { exact: string; prefix: string; suffix: string }]>([
    [2, 6, undefined, { exact: "«ab»", prefix: "🚢 ", suffix: " 😀" }],
    [2, 6, "«ab»", { exact: "«ab»", prefix: "🚢 ", suffix: " 😀" }],
    [0, 1, "🚢", { exact: "🚢", prefix: "", suffix: " «ab» 😀" }],
    [7, 8, undefined, { exact: "😀", prefix: "🚢 «ab» ", suffix: "" }],
    [0, 8, undefined, { exact: "🚢 «ab» 😀", prefix: "", suffix: "" }],
  ])("accepts [%i, %i) exact=%j", (start, end, exact, quote) => {
    expect(resolveSpan(index, start, end, exact)).toEqual({ ok: true, quote });
  });

  it.each<[string, number, number, string | undefined, string]>([
    ["non-integer", 1.5, 3, undefined, "start"],
    ["negative start", -1, 3, undefined, "start"],
    ["end past the code point length (= UTF-16 length 10)", 0, 10, undefined, "end"],
    ["start past the end", 9, 10, undefined, "start"],
    ["empty", 3, 3, undefined, "end"],
    ["reversed", 5, 3, undefined, "end"],
    ["exact mismatch", 3, 5, "ba", "exact"],
    ["UTF-16 reading of «ab»", 3, 7, "«ab»", "exact"],
  ])("rejects %s [%s, %s) with the problem on %s", (_name, start, end, exact, field) => {
    const result = resolveSpan(index, start, end, exact);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields)).toEqual([field]);
    expect(result.fields[field]).toBe(result.message);
    expect(result.message.length).toBeGreaterThan(0);
  });
});

describe("resolveQuoteKind", () => {
  it.each<[Label, QuoteKind | null | undefined, QuoteKind | null, string, QuoteKind | null]>([
    // claims never have a kind
    ["claim", undefined, null, "“looks like a quote”", null],
    ["claim", null, null, "plain", null],
    ["claim", undefined, "direct", "plain", null],
    ["claim", null, "indirect", "“x”", null],
    // a requested kind wins
    ["quote", "indirect", null, "“x”", "indirect"],
    ["quote", "mixed", "direct", "plain", "mixed"],
    ["quote", "direct", "indirect", "plain", "direct"],
    ["quote", null, "direct", "“x”", null], // explicit null clears the kind
    // otherwise the current kind
    ["quote", undefined, "indirect", "“x”", "indirect"],
    ["quote", undefined, "mixed", "plain", "mixed"],
    // otherwise the default for the text
    ["quote", undefined, null, "“x”", "direct"],
    ["quote", undefined, null, "«x»", "direct"],
    ["quote", undefined, null, "「x」", "direct"],
    ["quote", undefined, null, "plain", null],
  ])("%s, requested %s, current %s, exact %j → %s", (label, requested, current, exact, kind) => {
    expect(resolveQuoteKind(label, requested, current, exact)).toEqual({ ok: true, quoteKind: kind });
  });

  it.each<QuoteKind>(["direct", "indirect", "mixed"])("rejects a claim with requested kind %s", (kind) => {
    expect(resolveQuoteKind("claim", kind, null, "plain")).toEqual({
      ok: false,
      message: expect.stringMatching(/quote/),
    });
  });
});
