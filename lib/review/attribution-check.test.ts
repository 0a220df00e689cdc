import { describe, expect, it } from "vitest";
import { attributionHint, namesToFind } from "./attribution-check";

const ZHAO = { name: "Zhao Lijian", aliases: ["赵立坚", "Foreign Ministry spokesman"] };
const MINIER = { name: "Jiro Mínier", aliases: [] };

describe("attributionHint", () => {
  it.each<[string, { name: string; aliases: string[] } | null, string, string[], boolean]>([
    // [case, speaker, sentence, two previous, flagged]
    ["named in the sentence", ZHAO, "“Japan should learn lessons,” Zhao Lijian said.", [], false],
    ["surname only", ZHAO, "“Japan should learn lessons,” Zhao said.", [], false],
    [
      "named two sentences before",
      ZHAO,
      "“It is a highland of peace.”",
      ["Zhao Lijian spoke on Tuesday.", "The briefing was long."],
      false,
    ],
    ["alias in CJK", ZHAO, "赵立坚说：“日本应当深刻反省历史。”", [], false],
    ["accents ignored", MINIER, "“Japan must stay alert,” said Jiro Minier.", [], false],
    ["pronoun", ZHAO, "“Japan should learn lessons,” he said.", [], false],
    ["title", ZHAO, "“Japan should learn lessons,” the spokesman said.", [], false],
    [
      "not named, no pronoun or title: flagged",
      ZHAO,
      "“Japan should learn lessons,” Wang Wenbin said.",
      ["Japan joined NATO's cyber centre."],
      true,
    ],
    ["named three sentences before: too far", MINIER, "“Stay alert,” Abe Shinzo said.", ["Tokyo joined.", "Beijing reacted."], true],
    ["a surname that is part of another word does not count", MINIER, "“Stay alert,” Abe Shinzo said of Miniers Street.", [], true],
    ["no speaker: nothing to check", null, "“Whatever,” someone said.", [], false],
    ["a pronoun inside the quote refers to nobody", ZHAO, "“It is a highland of peace,” Wang Wenbin added.", [], true],
  ])("%s", (_case, speaker, current, preceding, flagged) => {
    const exact = /“[^”]*”/.exec(current)?.[0];
    const hint = attributionHint({ speaker, current, exact, preceding });
    expect(hint !== null).toBe(flagged);
    if (hint) expect(hint.reason).toContain(speaker?.name);
  });
});

describe("namesToFind", () => {
  it("takes the name, aliases and the first and last words of multi-word names, folded", () => {
    expect(namesToFind({ name: "Jiro Mínier", aliases: ["J. Minier"] }).sort()).toEqual(["j minier", "jiro", "jiro minier", "minier"]);
  });
});
