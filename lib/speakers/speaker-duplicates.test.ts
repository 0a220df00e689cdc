import { describe, expect, it } from "vitest";
import { duplicatePairs, duplicateReason, type SpeakerName } from "./speaker-duplicates";

let next = 0;
function speaker(name: string, aliases: string[] = [], kind: SpeakerName["kind"] = "person"): SpeakerName {
  return { id: `s${++next}`, name, aliases, kind };
}

// [a, b, expected reason (a pattern), or null when they must not match]
const TABLE: [SpeakerName, SpeakerName, RegExp | null][] = [
  [speaker("Zhao Lijian"), speaker("zhao lijian"), /same name/],
  [speaker("Lijian Zhao"), speaker("Zhao Lijian"), /another word order/],
  [speaker("Jiro Mínier"), speaker("Jiro Minier"), /ignoring case and accents/],
  [speaker("Zhao"), speaker("Zhao Lijian"), /surname/],
  [speaker("Minier"), speaker("Jiro Minier"), /surname/],
  [speaker("J. Minier"), speaker("Jiro Minier"), /initials/],
  [speaker("A. M. Lopez"), speaker("Ana Maria Lopez"), /initials/],
  [speaker("Foreign Ministry spokesman", ["Zhao Lijian"]), speaker("Zhao Lijian"), /both are called “Zhao Lijian”/],
  [speaker("Japanese Ministry of Defense", ["JMOD"], "organization"), speaker("JMOD", [], "organization"), /both are called/],
  [
    speaker("MFA", ["Foreign Ministry"], "organization"),
    speaker("PRC Foreign Ministry", ["foreign ministry"], "organization"),
    /both are called/,
  ],
  [speaker("赵立坚"), speaker("Zhao Lijian", ["赵立坚"]), /both are called “赵立坚”/],
  // Must not match.
  [speaker("Zhao Lijian"), speaker("Zhao Wei"), null],
  [speaker("Jiro Minier"), speaker("Jiro Tanaka"), null],
  [speaker("J. Minier"), speaker("K. Minier"), null],
  [speaker("J. M."), speaker("Jiro Minier"), null],
  [speaker("Wang"), speaker("Wang", [], "organization"), /same name/], // the same name is always worth a look
  [speaker("Defense"), speaker("Japanese Ministry of Defense", [], "organization"), null], // a person's one-word name vs an organisation
  [speaker("Smith"), speaker("Anna Smithson"), null],
  [speaker("Ana"), speaker("Ana Maria Lopez"), /surname/], // first or last token: for Chinese-order names the surname is first
  [speaker("Maria"), speaker("Ana Maria Lopez"), null], // a middle name is too weak
];

describe("duplicateReason", () => {
  it.each(TABLE)("%j / %j", (a, b, expected) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const reason = duplicateReason(x, y);
      if (expected === null) expect(reason).toBeNull();
      else expect(reason).toMatch(expected);
    }
  });
});

describe("duplicatePairs", () => {
  it("lists each pair once, in order", () => {
    const zhao = speaker("Zhao");
    const full = speaker("Zhao Lijian");
    const reversed = speaker("Lijian Zhao");
    const other = speaker("Zhao Wei");
    const pairs = duplicatePairs([zhao, full, reversed, other]);
    expect(pairs.map((p) => [p.a.name, p.b.name])).toEqual([
      ["Zhao", "Zhao Lijian"],
      ["Zhao", "Lijian Zhao"],
      ["Zhao", "Zhao Wei"],
      ["Zhao Lijian", "Lijian Zhao"],
    ]);
  });
});
