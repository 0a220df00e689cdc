import { describe, expect, it } from "vitest";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { choiceLabel, speakerChoices } from "./speaker-options";

const speaker = (name: string, aliases: string[] = []): SpeakerView => ({
  id: name,
  name,
  aliases,
  kind: "person",
  description: null,
  annotationCount: 0,
});
const SPEAKERS = [
  speaker("Zhao Lijian", ["Zhao", "赵立坚"]),
  speaker("Jiro Minier", ["Jiro"]),
  speaker("Japanese Ministry of Defense", ["JMOD"]),
  speaker("Abe Shinzo"),
];
const labels = (query: string) => speakerChoices(SPEAKERS, query).map(choiceLabel);

describe("speakerChoices", () => {
  it("offers every speaker, then No speaker, when nothing is typed", () => {
    expect(labels("")).toEqual(["Abe Shinzo", "Japanese Ministry of Defense", "Jiro Minier", "Zhao Lijian", "No speaker"]);
  });

  it("matches names and aliases in any case, exact and prefix matches first", () => {
    expect(labels("zhao")).toEqual(["Zhao Lijian", "Create speaker “zhao”", "No speaker"]);
    expect(labels("jmod")).toEqual(["Japanese Ministry of Defense", "Create speaker “jmod”", "No speaker"]);
    expect(labels("立坚")).toEqual(["Zhao Lijian", "Create speaker “立坚”", "No speaker"]);
    expect(labels("j")).toEqual(["Japanese Ministry of Defense", "Jiro Minier", "Zhao Lijian", "Create speaker “j”", "No speaker"]);
    expect(labels("minis")).toEqual(["Japanese Ministry of Defense", "Create speaker “minis”", "No speaker"]);
  });

  it("does not offer to create a name that exists (ignoring case and spaces), but does for an alias", () => {
    expect(labels("  zhao   LIJIAN ")).toEqual(["Zhao Lijian", "No speaker"]);
    expect(labels("Jiro")).toEqual(["Jiro Minier", "Create speaker “Jiro”", "No speaker"]);
  });

  it("offers to create an unknown name, tidied", () => {
    expect(labels("  Hua   Chunying ")).toEqual(["Create speaker “Hua Chunying”", "No speaker"]);
  });
});
