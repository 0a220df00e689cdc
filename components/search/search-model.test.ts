import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH, exportFiltersOf, markedPieces, searchApiParams, searchFormFromQuery, searchQueryString } from "./search-model";

describe("the search page's URL", () => {
  it("reads a query leniently and writes back only what is set", () => {
    const form = searchFormFromQuery({ q: "  lessons ", in: "documents", sort: "bogus", label: ["quote", "claim"], colour: "red" });
    expect(form).toEqual({ ...EMPTY_SEARCH, q: "lessons", in: "documents", label: "quote" });
    expect(searchQueryString(form)).toBe("q=lessons&in=documents&label=quote");
    expect(searchQueryString(EMPTY_SEARCH)).toBe("");
    expect(searchQueryString({ ...EMPTY_SEARCH, sort: "relevance" }, { cursor: "c1" })).toBe("sort=relevance&cursor=c1");
  });

  it("gives the API and the export the same words, filters and dates", () => {
    const form = { ...EMPTY_SEARCH, q: "“learn lessons”", speakerId: "s1", from: "2022-01-01", to: "2022-12-31" };
    expect(searchApiParams(form)).toEqual({
      q: "“learn lessons”",
      in: "annotations",
      sort: "date",
      speakerId: "s1",
      from: "2022-01-01",
      to: "2022-12-31",
    });
    expect(exportFiltersOf(form)).toEqual({
      documentId: "",
      label: "",
      speakerId: "s1",
      status: "",
      author: "",
      q: "“learn lessons”",
      from: "2022-01-01",
      to: "2022-12-31",
    });
  });
});

describe("markedPieces", () => {
  it("cuts by code points past emoji, combining marks, CJK and RTL text", () => {
    const text = "🚢 Zürich 👍🏽 said: 反省 — «שלום»";
    // "Zürich" is code points 2..8 when ü is composed; here it is u + U+0308 (7 code points).
    const decomposed = text.normalize("NFD");
    const start = [...decomposed].indexOf("Z");
    expect(markedPieces(decomposed, [[start, start + 7]]).map((p) => [p.text, p.marked])).toEqual([
      ["🚢 ", false],
      ["Zu\u0308rich", true],
      [decomposed.slice("🚢 Zu\u0308rich".length), false],
    ]);
    const cjk = [...text].indexOf("反");
    const rtl = [...text].indexOf("ש");
    expect(
      markedPieces(text, [
        [cjk, cjk + 2],
        [rtl, rtl + 4],
      ]).filter((p) => p.marked),
    ).toEqual([
      { text: "反省", marked: true },
      { text: "שלום", marked: true },
    ]);
  });

  it("clips ranges past the end and merges overlaps; no ranges is the whole text", () => {
    expect(markedPieces("abc", [])).toEqual([{ text: "abc", marked: false }]);
    expect(
      markedPieces("abcdef", [
        [1, 3],
        [2, 4],
        [5, 99],
      ]),
    ).toEqual([
      { text: "a", marked: false },
      { text: "bc", marked: true },
      { text: "d", marked: true },
      { text: "e", marked: false },
      { text: "f", marked: true },
    ]);
  });
});
