// Quotation marks of many styles, nesting, paragraphs and apostrophes, on real-looking sentences.

import { describe, expect, it } from "vitest";
import { findQuotedSpans } from "./quote-marks";

const inner = (text: string) => findQuotedSpans(text).map((s) => text.slice(s.start, s.end));

describe("findQuotedSpans", () => {
  it.each([
    ["curly double", "He said “we will stay” today.", ["we will stay"]],
    ["straight double", 'He said "we will stay" today.', ["we will stay"]],
    ["curly single", "He said ‘we will stay’ today.", ["we will stay"]],
    ["straight single", "He said 'we will stay' today.", ["we will stay"]],
    ["guillemets", "Il a dit « nous restons » hier.", ["nous restons"]],
    ["German", "Er sagte „wir bleiben“ heute.", ["wir bleiben"]],
    ["Polish „…”", "Powiedział „zostajemy tutaj” dziś.", ["zostajemy tutaj"]],
    ["single guillemets", "Er sagte ‹wir bleiben› heute.", ["wir bleiben"]],
    ["CJK corner brackets", "彼は「私たちは残る」と述べた。", ["私たちは残る"]],
    ["CJK white corner brackets", "彼は『残る』と述べた。", ["残る"]],
    ["nested: only the outer span", "“He told me ‘no way’ twice,” she said.", ["He told me ‘no way’ twice,"]],
    ["apostrophes are not marks", "“We don’t know the ministry’s plan,” she said.", ["We don’t know the ministry’s plan,"]],
    ["eliding apostrophe", "‘In the ’90s it was different,’ she said.", ["In the ’90s it was different,"]],
    ["straight apostrophe inside single quotes", "'It's over,' he said.", ["It's over,"]],
    ["two quotes in one sentence", "“Yes,” he said, “and no.”", ["Yes,", "and no."]],
    ["stray mark is dropped at paragraph end", "He said “we will\nNext paragraph.", []],
  ])("%s", (_name, text, expected) => {
    expect(inner(text)).toEqual(expected);
  });

  it("runs a quote over paragraphs that each reopen, closing only at the last", () => {
    const text = "“First paragraph of the quote.\n“Second paragraph.\n“Third and last,” she said.";
    const spans = findQuotedSpans(text);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.paragraphs).toBe(3);
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toBe("First paragraph of the quote.\n“Second paragraph.\n“Third and last,");
  });
});
