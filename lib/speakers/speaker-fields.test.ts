import { describe, expect, it } from "vitest";
import { formatAliasText, parseAliasText, speakerMatches } from "./speaker-fields";

describe("parseAliasText", () => {
  it.each<[string, string[]]>([
    ["", []],
    [" , ,, ", []],
    ["Zhao", ["Zhao"]],
    ["Zhao, Zhao Lijian", ["Zhao", "Zhao Lijian"]],
    ["  Zhao  ,  Zhao   Lijian  ", ["Zhao", "Zhao Lijian"]],
    ["Zhao, zhao, ZHAO", ["Zhao"]],
    ["赵立坚，赵、Lijian", ["赵立坚", "赵", "Lijian"]], // full-width and ideographic commas
    ["محمد, Mohammed", ["محمد", "Mohammed"]],
    ["👩‍🔬 Dr. X, WHO", ["👩‍🔬 Dr. X", "WHO"]],
  ])("%j → %j", (text, aliases) => {
    expect(parseAliasText(text)).toEqual(aliases);
  });

  it("round-trips through formatAliasText", () => {
    const aliases = ["Zhao", "Zhao Lijian", "赵立坚"];
    expect(parseAliasText(formatAliasText(aliases))).toEqual(aliases);
  });
});

describe("speakerMatches", () => {
  const zhao = { name: "Zhao Lijian", aliases: ["Zhao", "赵立坚"] };
  it.each<[string, boolean]>([
    ["", true],
    ["   ", true],
    ["zhao", true],
    ["LIJIAN", true],
    ["zhao   lijian", true],
    ["立坚", true],
    ["Wang", false],
    ["Zhao Lijian Jr", false],
  ])("%j matches: %s", (query, expected) => {
    expect(speakerMatches(zhao, query)).toBe(expected);
  });
});
