import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { EditorTextMap } from "@/lib/text/editor-map";
import type { HighlightChanges } from "../annotation-highlights";
import { storeHighlights } from "../store-highlights";
import { ALL_LAYERS, CURATED_LAYER } from "../workspace-model";
import { layerView } from "./layer-view";
import { createWorkspaceStore, unsavedAnnotation, type AnnotationRecord, type StoreChange } from "./workspace-store";

const TEXT = "Ann said one thing. Bo said another. The gold says both.";
const ANN = { id: "u1", name: "Ann" };
const BO = { id: "u2", name: "Bo" };
const map = new EditorTextMap(TEXT);

function record(id: string, exact: string, author = ANN, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const start = TEXT.indexOf(exact);
  return {
    id,
    label: "claim",
    quoteKind: null,
    start,
    end: start + exact.length,
    exact,
    speakerId: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author,
    version: 1,
    ...extra,
  };
}

function view(r: AnnotationRecord, extra: Partial<AnnotationView> = {}): AnnotationView {
  return {
    ...r,
    documentId: "d",
    prefix: "",
    suffix: "",
    speaker: null,
    curated: r.curated ?? false,
    curatedBy: null,
    curatedAt: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  } as AnnotationView;
}

const annOne = record("a1", "Ann said one thing.");
const boOne = record("b1", "Bo said another.", BO);
const gold = record("g1", "The gold says both.", BO, { curated: true });

function setUp(layer = ALL_LAYERS) {
  const store = createWorkspaceStore({ documentId: "d", annotations: [annOne, boOne, gold], speakers: [] });
  const layered = layerView(store, layer);
  const changes: Pick<StoreChange, "added" | "changed" | "removed">[] = [];
  layered.subscribe(({ added, changed, removed }) => changes.push({ added, changed, removed }));
  const highlights = storeHighlights(layered, map);
  const drawn: HighlightChanges[] = [];
  highlights.subscribe((c) => drawn.push(c));
  const listed = () => layered.getState().annotations.map((a) => a.id);
  const painted = () => [...highlights.current()].map((h) => h.id);
  const redrawn = () => drawn.map((c) => [c.removed.map((h) => h.id), c.added.map((h) => h.id)]);
  return { store, layered, changes, listed, painted, redrawn };
}

describe("layerView", () => {
  it.each([
    [ALL_LAYERS, ["a1", "b1", "g1"]],
    ["u1", ["a1"]],
    ["u2", ["b1"]],
    [CURATED_LAYER, ["g1"]],
  ])("layer %j: the list and the highlights show %j", (layer, ids) => {
    const { listed, painted, layered } = setUp(layer);
    expect(listed()).toEqual(ids);
    expect(painted()).toEqual(ids);
    for (const id of ["a1", "b1", "g1"]) expect(layered.get(id)?.id).toBe(ids.includes(id) ? id : undefined);
  });

  it("every layer is the store itself: the same snapshots", () => {
    const { store, layered } = setUp();
    expect(layered.getState()).toBe(store.getState());
  });

  it("switching layers redraws only the annotations leaving and entering it", () => {
    const { layered, listed, painted, redrawn, changes } = setUp();
    layered.setLayer("u2");
    expect(listed()).toEqual(["b1"]);
    expect(painted()).toEqual(["b1"]);
    layered.setLayer(CURATED_LAYER);
    layered.setLayer(ALL_LAYERS);
    expect(painted()).toEqual(["a1", "b1", "g1"]);
    expect(redrawn()).toEqual([
      [["a1", "g1"], []],
      [["b1"], ["g1"]],
      [[], ["a1", "b1"]],
    ]);
    expect(changes.map((c) => [c.added, c.removed])).toEqual([
      [[], ["a1", "g1"]],
      [["g1"], ["b1"]],
      [["a1", "b1"], []],
    ]);
  });

  it("live changes respect the layer: another annotator's arrive unseen, the layer's own show", () => {
    const { store, layered, listed, painted, redrawn } = setUp("u2");
    const before = layered.getState().annotations;
    store.applyRemote([{ kind: "annotation.created", after: view(record("a2", "one thing")) }]);
    // Nothing of this layer changed: the same list, nothing redrawn.
    expect(layered.getState().annotations).toBe(before);
    expect(redrawn()).toEqual([]);
    store.applyRemote([{ kind: "annotation.created", after: view(record("b2", "another", BO)) }]);
    store.applyRemote([{ kind: "annotation.updated", after: view({ ...annOne, note: "n", version: 2 }) }]);
    store.applyRemote([{ kind: "annotation.deleted", before: { id: "b1", documentId: "d" } }]);
    expect(listed()).toEqual(["b2"]);
    expect(painted()).toEqual(["b2"]);
    expect(redrawn()).toEqual([
      [[], ["b2"]],
      [["b1"], []],
    ]);
    layered.setLayer("u1");
    expect(painted()).toEqual(["a1", "a2"]);
    expect(layered.get("a1")?.note).toBe("n");
  });

  it("an annotation outside the layer cannot be selected, and switching away unselects it", () => {
    const { store, layered } = setUp("u1");
    layered.select("b1");
    expect(store.getState().selectedId).toBeNull();
    layered.select("a1");
    expect(layered.getState().selectedId).toBe("a1");
    layered.setLayer("u2");
    expect(store.getState().selectedId).toBeNull();
    layered.setLayer(ALL_LAYERS);
    layered.select("b1");
    expect(layered.getState().selectedId).toBe("b1");
  });

  it("writes go to the store: one's own new annotation shows in one's own layer and in every layer", () => {
    const { store, layered, listed } = setUp("u1");
    const write = layered.createLocal(unsavedAnnotation({ ...record("tmp", "said"), id: "tmp" }));
    expect(listed()).toEqual(["a1", "tmp"]);
    write.confirm(view(record("a9", "said")));
    expect(listed()).toEqual(["a1", "a9"]);
    expect(store.getState().annotations.map((a) => a.id)).toEqual(["a1", "a9", "b1", "g1"]);
  });
});
