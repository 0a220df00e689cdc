// Suggested quotes, cues and speakers on short news sentences; offsets are code points, so the
// expected spans are found with Python-style slicing (sliceCodePoints), never UTF-16 indices.

import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../text/code-points";
import { suggestQuotes, type KnownSpeaker } from "./suggest-quotes";

interface Row {
  exact: string;
  kind: string;
  cue: string | null;
  speaker: string | null;
  rule: string;
}

function rows(text: string, speakers: KnownSpeaker[] = []): Row[] {
  return suggestQuotes(text, speakers).map((s) => ({
    exact: sliceCodePoints(text, s.start, s.end),
    kind: s.quoteKind,
    cue: s.cueStart === null || s.cueEnd === null ? null : sliceCodePoints(text, s.cueStart, s.cueEnd),
    speaker: s.speaker === null ? null : "id" in s.speaker ? `#${s.speaker.id}` : s.speaker.newName,
    rule: s.rule,
  }));
}

const row = (exact: string, kind: string, cue: string | null, speaker: string | null, rule: string): Row => ({
  exact,
  kind,
  cue,
  speaker,
  rule,
});

describe("suggestQuotes: direct quotes and their cues", () => {
  it.each([
    [
      "cue after, name after",
      "“We will not back down,” said Zhao Lijian.",
      [row("We will not back down,", "direct", "said", "Zhao Lijian", "direct-cue")],
    ],
    [
      "cue after, name before",
      "“We will not back down,” Zhao said.",
      [row("We will not back down,", "direct", "said", "Zhao", "direct-cue")],
    ],
    [
      "cue before with colon",
      "Zhao said: “We will not back down.”",
      [row("We will not back down.", "direct", "said", "Zhao", "direct-cue")],
    ],
    [
      "emoji before the quote keeps code points",
      "🎉🎉 Maria Lopez said: “Kids love it 🎈 more than ever.”",
      [row("Kids love it 🎈 more than ever.", "direct", "said", "Maria Lopez", "direct-cue")],
    ],
    [
      "guillemets",
      "« Nous restons ici pour longtemps », said Marie Dubois.",
      [row("Nous restons ici pour longtemps", "direct", "said", "Marie Dubois", "direct-cue")],
    ],
    [
      "CJK corner brackets",
      "Tanaka said 「私たちは最後まで残ります」.",
      [row("私たちは最後まで残ります", "direct", "said", "Tanaka", "direct-cue")],
    ],
    ["scare quotes are not quotes", "The so-called “reform” failed.", []],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it("takes the appositive as the new speaker's description", () => {
    const text = "“It is a milestone,” said Jiro Minier, an East Asian cybersecurity analyst.";
    expect(suggestQuotes(text)[0]?.speaker).toEqual({ newName: "Jiro Minier", description: "an East Asian cybersecurity analyst" });
  });
});

describe("suggestQuotes: indirect and mixed quotes", () => {
  it.each([
    [
      "said that",
      "Zhao stressed that the region should stay on high alert.",
      [row("the region should stay on high alert", "indirect", "stressed", "Zhao", "indirect-that")],
    ],
    [
      "told reporters",
      "The minister told reporters the talks had failed again.",
      [row("the talks had failed again", "indirect", "told reporters", null, "indirect-that")],
    ],
    [
      "according to",
      "According to Jiro, the plan is a milestone for Japan.",
      [row("the plan is a milestone for Japan", "indirect", "According to", "Jiro", "indirect-according-to")],
    ],
    [
      "trailing cue",
      "The talks will resume next week, the ministry said.",
      [row("The talks will resume next week", "indirect", "said", null, "indirect-trailing")],
    ],
    [
      "mixed: a quoted fragment inside",
      "Sato warned that prices would “rise for many years to come” in the north.",
      [row("prices would “rise for many years to come” in the north", "mixed", "warned", "Sato", "indirect-that")],
    ],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe("suggestQuotes: speakers", () => {
  const zhao: KnownSpeaker = { id: "s1", name: "Zhao Lijian", aliases: ["Lijian Zhao"] };

  it("matches a project speaker by name, alias and surname", () => {
    const text = "“This is one,” said Zhao Lijian. “This is two,” said Lijian Zhao. “This is three,” said Zhao.";
    expect(rows(text, [zhao]).map((r) => r.speaker)).toEqual(["#s1", "#s1", "#s1"]);
  });

  it("resolves pronouns, role nouns and uncued quotes to the most recent fitting mention", () => {
    const text = [
      "Zhao Lijian, the spokesman of the Chinese Foreign Ministry, spoke on Monday.",
      "“We are ready for talks,” he said.",
      "“Nothing has changed,” the spokesman added.",
      "“We remain open.”",
      "The Acme Corporation disagreed. “The figures are wrong,” it said.",
    ].join("\n");
    expect(rows(text).map((r) => r.speaker)).toEqual(["Zhao Lijian", "Zhao Lijian", "Zhao Lijian", "Acme Corporation"]);
  });
});

describe("suggestQuotes: names with titles and lead-ins", () => {
  it.each([
    ["lower-case role before the name", "‘We couldn’t be prouder of them,’ manager Steve Doyle said.", "Steve Doyle"],
    ["title before the name", "ECB President Christine Lagarde said the decision had been unanimous.", "Christine Lagarde"],
    [
      "surname expanded to the full name",
      "Amara Okafor opened a restaurant.\n“Rice and stew, like everybody else,” Okafor said.",
      "Amara Okafor",
    ],
    ["an indefinite role is a new source", "“It was the worst winter in memory,” a local farmer said.", "local farmer"],
  ])("%s", (_name, text, speaker) => {
    expect(rows(text)[0]?.speaker).toBe(speaker);
  });
});
