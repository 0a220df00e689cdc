import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { SpeakerView } from "@/lib/speakers/speakers";
import {
  createWorkspaceStore,
  type AnnotationRecord,
  type StoreChange,
  type SuggestionRecord,
  type WorkspaceStore,
} from "./workspace-store";

const DOC = "doc-1";
const ANN = { id: "u1", name: "Ann" };

function view(id: string, start: number, end: number, extra: Partial<AnnotationView> = {}): AnnotationView {
  return {
    id,
    documentId: DOC,
    label: "claim",
    quoteKind: null,
    start,
    end,
    exact: "x".repeat(end - start),
    prefix: "",
    suffix: "",
    speakerId: null,
    speaker: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: ANN,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

function record(id: string, start: number, end: number, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const { documentId: _d, prefix: _p, suffix: _s, speaker: _sp, createdAt: _c, updatedAt: _u, ...rest } = view(id, start, end, extra);
  return rest;
}

function speaker(id: string, name: string): SpeakerView {
  return { id, name, aliases: [], kind: "person", description: null, annotationCount: 0 };
}

/** A store with a recorder of its change sets (origin and ids; the states and suggestions left out). */
function setUp(annotations: AnnotationRecord[] = [], speakers: SpeakerView[] = [], suggestions: SuggestionRecord[] = []) {
  const store = createWorkspaceStore({ documentId: DOC, annotations, speakers, suggestions });
  const changes: Omit<StoreChange, "before" | "previous" | "state" | "suggestions">[] = [];
  /** Per change, the ids of the suggestions shown and hidden ("+s1", "-s2"). */
  const suggestionChanges: string[][] = [];
  store.subscribe(({ before: _before, previous: _previous, state: _state, suggestions: shownHidden, ...change }) => {
    changes.push(change);
    suggestionChanges.push([...shownHidden.shown.map((s) => `+${s.id}`), ...shownHidden.hidden.map((s) => `-${s.id}`)]);
  });
  return { store, changes, suggestionChanges };
}

function suggestion(id: string, start: number, end: number, extra: Partial<SuggestionRecord> = {}): SuggestionRecord {
  return {
    id,
    label: "quote",
    quoteKind: "direct",
    start,
    end,
    exact: "x".repeat(end - start),
    cueStart: null,
    cueEnd: null,
    speaker: { newName: "Zhao Lijian", description: null },
    confidence: 0.9,
    rule: "direct-cue",
    ...extra,
  };
}

const ids = (store: WorkspaceStore) => store.getState().annotations.map((a) => a.id);
const change = (origin: StoreChange["origin"], ids: Partial<Record<"added" | "changed" | "removed" | "speakers", string[]>>) => ({
  origin,
  added: [],
  changed: [],
  removed: [],
  speakers: [],
  ...ids,
});

describe("the text order", () => {
  it("keeps annotations by start, end, id, sorting the initial list if it must", () => {
    const { store } = setUp([record("c", 5, 9), record("a", 0, 20), record("b", 5, 9), record("d", 5, 6)]);
    expect(ids(store)).toEqual(["a", "d", "b", "c"]);
  });

  it("inserts, moves and removes one annotation at its place", () => {
    const { store } = setUp([record("a", 0, 5), record("c", 20, 25)]);
    store.putConfirmed(view("b", 10, 15));
    expect(ids(store)).toEqual(["a", "b", "c"]);
    store.applyRemote([{ kind: "annotation.updated", after: view("a", 30, 35, { version: 2 }) }]);
    expect(ids(store)).toEqual(["b", "c", "a"]);
    store.applyRemote([{ kind: "annotation.deleted", before: view("c", 20, 25) }]);
    expect(ids(store)).toEqual(["b", "a"]);
    expect(store.get("c")).toBeUndefined();
  });

  it("stays in order when many change at once", () => {
    const { store } = setUp([record("m", 500, 501)]);
    const many = Array.from({ length: 200 }, (_, i) => ({
      kind: "annotation.created" as const,
      after: view(`r${i}`, (i * 37) % 1000, ((i * 37) % 1000) + 3),
    }));
    store.applyRemote(many);
    const list = store.getState().annotations;
    expect(list).toHaveLength(201);
    expect(list.every((a, i) => i === 0 || a.start >= (list[i - 1] as AnnotationRecord).start)).toBe(true);
  });
});

describe("local writes", () => {
  it("shows a new annotation at once in place of its draft, then takes the server's id and keeps it selected", () => {
    const { store, changes } = setUp([record("a", 0, 5)]);
    store.setDraft({ id: "draft-1", label: "quote", start: 10, end: 20, exact: "0123456789", anchor: { top: 0, left: 0 } });
    const write = store.createLocal(record("draft-1", 10, 20, { label: "quote", version: 0 }), { speakerName: "Zhao Lijian" });
    expect(store.getState().draft).toBeNull();
    expect(store.get("draft-1")?.pending).toEqual({ speakerName: "Zhao Lijian" });
    store.select("draft-1");

    write.confirm(view("real-1", 10, 20, { label: "quote", quoteKind: "direct" }));
    expect(ids(store)).toEqual(["a", "real-1"]);
    expect(store.get("real-1")).toMatchObject({ quoteKind: "direct", version: 1 });
    expect(store.get("real-1")?.pending).toBeUndefined();
    expect(store.getState().selectedId).toBe("real-1");
    expect(changes.slice(1)).toEqual([
      change("local", { added: ["draft-1"] }),
      change("local", {}), // the selection
      change("confirmed", { added: ["real-1"], removed: ["draft-1"] }),
    ]);
  });

  it("shows a create once when its own event outruns the answer to the POST; the selection follows", () => {
    const { store } = setUp([record("a", 0, 5)]);
    const write = store.createLocal(record("draft-1", 10, 20, { label: "quote", version: 0 }));
    store.select("draft-1");
    // A colleague's annotation of the same span is not ours: it shows beside the draft.
    const colleague = { id: "u2", name: "Bo" };
    store.applyRemote([{ kind: "annotation.created", after: view("theirs", 10, 20, { label: "quote", author: colleague }) }]);
    expect(ids(store).sort()).toEqual(["a", "draft-1", "theirs"]);
    // Our own, echoed by the stream before the 201.
    store.applyRemote([{ kind: "annotation.created", after: view("real-1", 10, 20, { label: "quote" }) }]);
    expect(ids(store).sort()).toEqual(["a", "real-1", "theirs"]);
    expect(store.getState().selectedId).toBe("real-1");
    write.confirm(view("real-1", 10, 20, { label: "quote" }));
    expect(ids(store).sort()).toEqual(["a", "real-1", "theirs"]);
    expect(store.get("draft-1")).toBeUndefined();
    expect(store.getState().selectedId).toBe("real-1");
  });

  it("rolls back a create the server refused", () => {
    const { store, changes } = setUp([record("a", 0, 5)]);
    const write = store.createLocal(record("draft-1", 10, 20, { version: 0 }));
    write.rollback();
    write.confirm(view("late", 10, 20)); // a write ends once
    expect(ids(store)).toEqual(["a"]);
    expect(changes).toEqual([change("local", { added: ["draft-1"] }), change("local", { removed: ["draft-1"] })]);
  });

  it("rolls back an update the server refused, and confirms one it accepted", () => {
    const { store } = setUp([record("a", 0, 5, { note: "before" })]);
    const refused = store.updateLocal("a", { label: "quote", note: "mine" });
    expect(store.get("a")).toMatchObject({ label: "quote", note: "mine", version: 1 });
    refused.rollback();
    expect(store.get("a")).toMatchObject({ label: "claim", note: "before", version: 1 });

    const accepted = store.updateLocal("a", { note: "mine" });
    accepted.confirm(view("a", 0, 5, { note: "mine", version: 2 }));
    expect(store.get("a")).toMatchObject({ note: "mine", version: 2 });
  });

  it("rolls back a delete the server refused, back at its place; a confirmed delete clears the selection", () => {
    const { store, changes } = setUp([record("a", 0, 5), record("b", 6, 9), record("c", 10, 12)]);
    store.select("b");
    const refused = store.deleteLocal("b");
    expect(ids(store)).toEqual(["a", "c"]);
    expect(store.getState().selectedId).toBeNull();
    refused.rollback();
    expect(ids(store)).toEqual(["a", "b", "c"]);

    const accepted = store.deleteLocal("b");
    accepted.confirm();
    expect(ids(store)).toEqual(["a", "c"]);
    expect(changes.map((c) => [c.origin, c.removed, c.added])).toEqual([
      ["local", [], []],
      ["local", ["b"], []],
      ["local", [], ["b"]],
      ["local", ["b"], []],
    ]);
  });

  it("puts a deleted annotation back when restored, with its new version", () => {
    const { store } = setUp([record("a", 0, 5)]);
    store.deleteLocal("a").confirm();
    store.putConfirmed(view("a", 0, 5, { version: 2 }));
    expect(store.get("a")).toMatchObject({ version: 2 });
  });
});

describe("remote changes", () => {
  it("applies creates, updates, deletes and restores of this document only", () => {
    const { store, changes } = setUp([record("a", 0, 5)]);
    store.applyRemote([
      { kind: "annotation.created", after: view("b", 10, 15) },
      { kind: "annotation.created", after: view("x", 1, 2, { documentId: "other" }) },
      { kind: "annotation.updated", after: view("a", 0, 5, { status: "accepted", version: 2 }) },
    ]);
    expect(ids(store)).toEqual(["a", "b"]);
    expect(store.get("a")?.status).toBe("accepted");
    store.applyRemote([{ kind: "annotation.deleted", before: view("b", 10, 15) }]);
    store.applyRemote([{ kind: "annotation.restored", after: view("b", 10, 15, { version: 2 }) }]);
    expect(ids(store)).toEqual(["a", "b"]);
    expect(changes).toEqual([
      change("remote", { added: ["b"], changed: ["a"] }),
      change("remote", { removed: ["b"] }),
      change("remote", { added: ["b"] }),
    ]);
  });

  it("ignores stale versions: an older update, a deletion of a version since restored", () => {
    const { store, changes } = setUp([record("a", 0, 5, { version: 3, note: "v3" })]);
    store.applyRemote([{ kind: "annotation.updated", after: view("a", 0, 5, { version: 2, note: "v2" }) }]);
    store.applyRemote([{ kind: "annotation.deleted", before: view("a", 0, 5, { version: 2 }) }]);
    expect(store.get("a")).toMatchObject({ version: 3, note: "v3" });
    // Deleted at version 3, then an update of version 3 arrives late: still deleted.
    store.applyRemote([{ kind: "annotation.deleted", before: view("a", 0, 5, { version: 3 }) }]);
    store.applyRemote([{ kind: "annotation.updated", after: view("a", 0, 5, { version: 3, note: "late" }) }]);
    expect(ids(store)).toEqual([]);
    expect(changes).toEqual([change("remote", { removed: ["a"] })]);
  });

  it("ignores the echoes of our own confirmed writes", () => {
    const { store, changes } = setUp([record("a", 0, 5)]);
    const update = store.updateLocal("a", { note: "mine" });
    const saved = view("a", 0, 5, { note: "mine", version: 2 });
    update.confirm(saved);
    store.deleteLocal("a").confirm();
    const count = changes.length;
    store.applyRemote([
      { kind: "annotation.updated", after: saved },
      { kind: "annotation.deleted", before: saved },
    ]);
    expect(changes).toHaveLength(count);
    expect(ids(store)).toEqual([]);
  });

  it("an echo that overtakes the server's answer does not duplicate a new annotation", () => {
    const { store } = setUp();
    const write = store.createLocal(record("draft-1", 10, 20, { version: 0 }));
    const saved = view("real-1", 10, 20);
    store.applyRemote([{ kind: "annotation.created", after: saved }]);
    write.confirm(saved);
    expect(ids(store)).toEqual(["real-1"]);
  });

  it("keeps a local edit on top of a remote change until the server answers", () => {
    const { store } = setUp([record("a", 0, 5, { note: "base" })]);
    const mine = store.updateLocal("a", { note: "mine" });
    store.applyRemote([{ kind: "annotation.updated", after: view("a", 0, 5, { version: 2, note: "theirs", status: "accepted" }) }]);
    expect(store.get("a")).toMatchObject({ note: "mine", status: "accepted", version: 2 });
    // The server refuses ours (409: version 1 is stale): theirs shows.
    mine.rollback();
    expect(store.get("a")).toMatchObject({ note: "theirs", status: "accepted", version: 2 });
  });

  it("keeps a local delete on top of a remote update; the remote version shows if the delete fails", () => {
    const { store } = setUp([record("a", 0, 5)]);
    const deletion = store.deleteLocal("a");
    store.applyRemote([{ kind: "annotation.updated", after: view("a", 0, 5, { version: 2, note: "theirs" }) }]);
    expect(ids(store)).toEqual([]);
    deletion.rollback();
    expect(store.get("a")).toMatchObject({ note: "theirs", version: 2 });
  });

  it("clears the selection when the selected annotation is deleted remotely", () => {
    const { store } = setUp([record("a", 0, 5)]);
    store.select("a");
    store.applyRemote([{ kind: "annotation.deleted", before: view("a", 0, 5) }]);
    expect(store.getState().selectedId).toBeNull();
  });

  it("adds and renames speakers, kept by name", () => {
    const { store, changes } = setUp([], [speaker("s1", "Zhao Lijian")]);
    store.applyRemote([{ kind: "speaker.created", after: speaker("s2", "abe Shinzo") }]);
    store.putSpeaker(speaker("s3", "Jiro Minier"));
    store.applyRemote([{ kind: "speaker.updated", after: speaker("s1", "Hua Chunying") }]);
    expect(store.getState().speakers.map((s) => s.name)).toEqual(["abe Shinzo", "Hua Chunying", "Jiro Minier"]);
    expect(store.getState().speakerById.get("s1")?.name).toBe("Hua Chunying");
    expect(changes).toEqual([
      change("remote", { speakers: ["s2"] }),
      change("confirmed", { speakers: ["s3"] }),
      change("remote", { speakers: ["s1"] }),
    ]);
  });

  it("takes a speaker merged into another off the list, once", () => {
    const { store, changes } = setUp([]);
    store.applyRemote([{ kind: "speaker.created", after: speaker("s2", "Zhao") }]);
    store.applyRemote([{ kind: "speaker.merged", before: { id: "s2", into: "s1" } }]);
    store.applyRemote([{ kind: "speaker.merged", before: { id: "s2", into: "s1" } }]);
    expect(store.getState().speakers.map((s) => s.id)).not.toContain("s2");
    expect(store.getState().speakerById.has("s2")).toBe(false);
    expect(changes).toEqual([change("remote", { speakers: ["s2"] }), change("remote", { speakers: ["s2"] })]);
  });
});

describe("selection and draft", () => {
  it("selects only annotations it has; a draft clears the selection; unchanged state notifies nobody", () => {
    const { store, changes } = setUp([record("a", 0, 5)]);
    store.select("nope");
    expect(changes).toHaveLength(0);
    store.select("a");
    store.select("a");
    expect(changes).toHaveLength(1);
    store.setDraft({ id: "draft-1", label: "claim", start: 6, end: 8, exact: "xx", anchor: { top: 0, left: 0 } });
    expect(store.getState()).toMatchObject({ selectedId: null, draft: { id: "draft-1" } });
    expect(ids(store)).toEqual(["a"]); // a draft is not listed
  });

  it("makes a change a listener asks for after every listener has had the current one", () => {
    const store = createWorkspaceStore({ documentId: DOC, annotations: [record("a", 0, 5), record("b", 6, 9)], speakers: [] });
    const seen: string[] = [];
    store.subscribe(({ state }) => {
      if (state.selectedId !== "a") return;
      store.select("a"); // no change: must not hold up the next one
      store.select("b");
    });
    store.subscribe(({ state }) => seen.push(`${state.selectedId}/${store.getState().selectedId}`));
    store.select("a");
    expect(seen).toEqual(["a/a", "b/b"]);
  });

  it("stops notifying an unsubscribed listener", () => {
    const store = createWorkspaceStore({ documentId: DOC, annotations: [record("a", 0, 5)], speakers: [] });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.select("a");
    unsubscribe();
    store.select(null);
    expect(calls).toBe(1);
  });
});

describe("suggestions", () => {
  const shown = (store: WorkspaceStore) => store.getState().suggestions.map((s) => s.id);

  it("shows those no annotation overlaps, in text order", () => {
    const { store } = setUp([record("a", 10, 20)], [], [suggestion("s3", 40, 50), suggestion("s1", 0, 5), suggestion("s2", 15, 30)]);
    expect(shown(store)).toEqual(["s1", "s3"]);
    expect(store.getSuggestion("s1")?.start).toBe(0);
    expect(store.getSuggestion("s2")).toBeUndefined();
  });

  it("hides one a colleague's new annotation overlaps, and shows it again when that annotation is deleted", () => {
    const { store, suggestionChanges } = setUp([], [], [suggestion("s1", 0, 5), suggestion("s2", 10, 20)]);
    store.select("s2");
    store.applyRemote([{ kind: "annotation.created", after: view("b", 18, 25, { author: { id: "u2", name: "Bo" } }) }]);
    expect(shown(store)).toEqual(["s1"]);
    expect(store.getState().selectedId).toBeNull();
    store.applyRemote([{ kind: "annotation.deleted", before: { id: "b", documentId: DOC } }]);
    expect(shown(store)).toEqual(["s1", "s2"]);
    expect(suggestionChanges).toEqual([[], ["-s2"], ["+s2"]]);
  });

  it("hides one under an annotation being tagged at once, before the server answers", () => {
    const { store } = setUp([], [], [suggestion("s1", 0, 5)]);
    const write = store.createLocal(record("draft-1", 2, 3, { version: 0 }));
    expect(shown(store)).toEqual([]);
    write.rollback();
    expect(shown(store)).toEqual(["s1"]);
  });

  it("accepts one at once: hidden, its annotation shown in one change; the server's answer and its echo show it once", () => {
    const { store, changes, suggestionChanges } = setUp([], [], [suggestion("s1", 0, 5), suggestion("s2", 10, 20)]);
    const write = store.acceptSuggestionLocal("s1", record("suggested-1", 0, 5, { label: "quote", version: 0 }), {
      speakerName: "Zhao Lijian",
    });
    expect(shown(store)).toEqual(["s2"]);
    expect(ids(store)).toEqual(["suggested-1"]);
    expect(store.get("suggested-1")?.pending).toEqual({ speakerName: "Zhao Lijian" });
    expect(changes.at(-1)).toEqual(change("local", { added: ["suggested-1"] }));
    expect(suggestionChanges.at(-1)).toEqual(["-s1"]);
    // The event of the new annotation comes first, then the answer to the POST.
    const saved = view("q1", 0, 5, { label: "quote" });
    store.applyRemote([{ kind: "annotation.created", after: saved }]);
    write.confirm(saved);
    expect(ids(store)).toEqual(["q1"]);
    expect(shown(store)).toEqual(["s2"]);
    // Deleting the annotation later does not bring the accepted suggestion back.
    store.applyRemote([{ kind: "annotation.deleted", before: { id: "q1", documentId: DOC } }]);
    expect(shown(store)).toEqual(["s2"]);
  });

  it("selects the next suggestion in the same change as a decision", () => {
    const { store, suggestionChanges } = setUp([], [], [suggestion("s1", 0, 5), suggestion("s2", 10, 20), suggestion("s3", 30, 40)]);
    store.select("s1");
    store.acceptSuggestionLocal("s1", record("suggested-1", 0, 5, { version: 0 }), { select: "s2" });
    expect(store.getState().selectedId).toBe("s2");
    store.dismissSuggestionLocal("s2", { select: "s3" });
    expect(store.getState().selectedId).toBe("s3");
    expect(suggestionChanges).toEqual([[], ["-s1"], ["-s2"]]);
  });

  it("shows a suggestion again when accepting or dismissing it fails", () => {
    const { store } = setUp([], [], [suggestion("s1", 0, 5), suggestion("s2", 10, 20)]);
    const accepting = store.acceptSuggestionLocal("s1", record("suggested-1", 0, 5, { version: 0 }));
    const dismissing = store.dismissSuggestionLocal("s2");
    expect(shown(store)).toEqual([]);
    accepting.rollback();
    dismissing.rollback();
    expect(shown(store)).toEqual(["s1", "s2"]);
    expect(ids(store)).toEqual([]);
    store.dismissSuggestionLocal("s2").confirm();
    expect(shown(store)).toEqual(["s1"]);
  });

  it("takes a new set in place of the old one; selects only those shown", () => {
    const { store } = setUp([record("a", 0, 5)], [], [suggestion("s1", 10, 15)]);
    store.select("s1");
    expect(store.getState().selectedId).toBe("s1");
    store.setSuggestions([suggestion("n1", 2, 4), suggestion("n2", 30, 40)]);
    expect(shown(store)).toEqual(["n2"]);
    expect(store.getState().selectedId).toBeNull();
    store.select("n1");
    expect(store.getState().selectedId).toBeNull();
  });

  it("keeps the same list (no re-render) when a change leaves the suggestions as they were", () => {
    const { store } = setUp([], [], [suggestion("s1", 10, 15)]);
    const before = store.getState().suggestions;
    store.putConfirmed(view("a", 30, 40));
    expect(store.getState().suggestions).toBe(before);
  });
});
