import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { EditorTextMap } from "@/lib/text/editor-map";
import type { HighlightChanges } from "./annotation-highlights";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { createWorkspaceStore, type AnnotationRecord, type SuggestionRecord } from "./store/workspace-store";
import { storeHighlights } from "./store-highlights";

const TEXT = "Headline\nThe spokesman said the talks were useful.\nAnother paragraph.";
const map = new EditorTextMap(TEXT);
const record = (id: string, start: number, end: number): AnnotationRecord => ({
  id,
  label: "claim",
  quoteKind: null,
  start,
  end,
  exact: TEXT.slice(start, end),
  speakerId: null,
  note: null,
  status: "pending",
  reviewedBy: null,
  reviewedAt: null,
  reviewReason: null,
  author: { id: "u1", name: "Ann" },
  version: 1,
});

function setUp() {
  const store = createWorkspaceStore({ documentId: "d", annotations: [record("a", 9, 22), record("b", 0, 8)], speakers: [] });
  const source = storeHighlights(store, map);
  const changes: HighlightChanges[] = [];
  source.subscribe((c) => changes.push(c));
  const brief = () =>
    changes.map((c) => [
      c.removed.map((x) => `${x.id}${x.selected ? "*" : ""}`),
      c.added.map((x) => `${x.id}${x.selected ? "*" : ""}${x.draft ? "?" : ""}`),
    ]);
  return { store, source, brief };
}

describe("storeHighlights", () => {
  it("draws every annotation in text order, in editor positions", () => {
    const { source } = setUp();
    expect([...source.current()]).toEqual([
      { id: "b", label: "claim", from: 1, to: 9, draft: false, selected: false },
      { id: "a", label: "claim", from: 11, to: 24, draft: false, selected: false },
    ]);
  });

  it("redraws what a selection changes", () => {
    const { store, brief } = setUp();
    store.select("a");
    store.select("b");
    expect(brief()).toEqual([
      [["a"], ["a*"]],
      [
        ["a*", "b"],
        ["a", "b*"],
      ],
    ]);
  });

  it("keeps the draft's highlight when it becomes the unsaved annotation, and swaps it for the saved one", () => {
    const { store, brief } = setUp();
    store.setDraft({ id: "draft-1", label: "claim", start: 23, end: 27, exact: "said", anchor: { top: 0, left: 0 } });
    const write = store.createLocal({ ...record("draft-1", 23, 27), version: 0 });
    write.confirm({
      ...record("real", 23, 27),
      documentId: "d",
      prefix: "",
      suffix: "",
      speaker: null,
      createdAt: "",
      updatedAt: "",
    } satisfies AnnotationView);
    expect(brief()).toEqual([
      [[], ["draft-1?"]],
      [["draft-1"], ["real"]],
    ]);
  });

  it("redraws nothing for a change the highlight does not show", () => {
    const { store, brief } = setUp();
    store.updateLocal("a", { note: "a note" });
    expect(brief()).toEqual([]);
  });
});

describe("storeHighlights: suggestions", () => {
  // "The spokesman said the talks were useful." starts at 9: "the talks were useful" is 28..49.
  const suggestion = (id: string, start: number, end: number, speaker: SuggestionRecord["speaker"]): SuggestionRecord => ({
    id,
    label: "quote",
    quoteKind: "indirect",
    start,
    end,
    exact: TEXT.slice(start, end),
    cueStart: 23,
    cueEnd: 27,
    speaker,
    confidence: 0.8,
    rule: "indirect-that",
  });
  const spokesman: SpeakerView = { id: "sp", name: "The Spokesman", aliases: [], kind: "person", description: null, annotationCount: 0 };

  function setUpWithSuggestions() {
    const store = createWorkspaceStore({
      documentId: "d",
      annotations: [record("b", 0, 8)],
      speakers: [spokesman],
      suggestions: [suggestion("s1", 28, 49, { id: "sp" }), suggestion("s2", 51, 58, { newName: "Ann Other", description: null })],
    });
    const source = storeHighlights(store, map);
    const changes: HighlightChanges[] = [];
    source.subscribe((c) => changes.push(c));
    const brief = () =>
      changes.map((c) => [
        c.removed.map((x) => `${x.id}${x.selected ? "*" : ""}`),
        c.added.map((x) => `${x.id}${x.selected ? "*" : ""}${x.suggestion ? `~${x.suggestion.speaker}` : ""}`),
      ]);
    return { store, source, brief };
  }

  it("draws the suggestions shown as ghosts naming the speaker they propose", () => {
    const { source } = setUpWithSuggestions();
    const ghosts = [...source.current()].filter((h) => h.suggestion);
    expect(ghosts).toEqual([
      { id: "s1", label: "quote", from: 30, to: 51, draft: false, selected: false, suggestion: { speaker: "The Spokesman" } },
      { id: "s2", label: "quote", from: 54, to: 61, draft: false, selected: false, suggestion: { speaker: "Ann Other" } },
    ]);
  });

  it("redraws a ghost when its speaker is renamed or it is selected, and removes it when accepted", () => {
    const { store, brief } = setUpWithSuggestions();
    store.putSpeaker({ ...spokesman, name: "Spokesperson" });
    store.select("s1");
    store.acceptSuggestionLocal("s1", { ...record("suggested-1", 28, 49), label: "quote", version: 0 });
    expect(brief()).toEqual([
      [["s1"], ["s1~Spokesperson"]],
      [["s1"], ["s1*~Spokesperson"]],
      [["s1*"], ["suggested-1"]],
    ]);
  });
});
