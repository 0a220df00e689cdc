// The workspace store as one layer shows it (workspace-model.ts: every layer, one annotator's, or
// the curated one). The editor's highlights and the sidebar read this view, so both follow the
// layer, and so do changes arriving live: a change set names only the annotations of the layer.
// Changing the layer is itself a change set (those leaving and entering the layer), so the
// highlights diff it like any other. Writes, the speakers, the draft and the suggestions pass
// through untouched (a suggestion steps aside for any annotation, shown in this layer or not).
// Framework-free and unit-tested.

import { ALL_LAYERS, inLayer, type Layer } from "../workspace-model";
import type { StoreChange, StoredAnnotation, WorkspaceState, WorkspaceStore } from "./workspace-store";

export interface LayerView extends WorkspaceStore {
  layer(): Layer;
  /** Shows another layer; a selected annotation outside it is unselected. */
  setLayer(layer: Layer): void;
}

const NOTHING_SHOWN: StoreChange["suggestions"] = { shown: [], hidden: [] };

export function layerView(store: WorkspaceStore, initial: Layer = ALL_LAYERS): LayerView {
  let layer = initial;
  const keep = (annotation: StoredAnnotation | undefined, which = layer) =>
    annotation && inLayer(annotation, which) ? annotation : undefined;

  /** The view of `state`, reusing `annotations` (the layer's list) when it is still right. */
  const project = (state: WorkspaceState, annotations?: readonly StoredAnnotation[]): WorkspaceState =>
    layer === ALL_LAYERS ? state : { ...state, annotations: annotations ?? state.annotations.filter((a) => inLayer(a, layer)) };

  // The view's snapshot: one object per store change, as React's useSyncExternalStore needs.
  let current = project(store.getState());
  const listeners = new Set<(change: StoreChange) => void>();
  const tell = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };

  store.subscribe((change) => {
    const previous = current;
    if (layer === ALL_LAYERS) {
      current = change.state;
      tell(change);
      return;
    }
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    const before = new Map<string, StoredAnnotation | undefined>();
    for (const [id, old] of change.before) {
      const was = keep(old);
      const now = keep(store.get(id));
      if (!was && !now) continue;
      before.set(id, was);
      if (!was) added.push(id);
      else if (!now) removed.push(id);
      else changed.push(id);
    }
    // Changes only to annotations of other layers leave the layer's list as it was.
    current = project(change.state, before.size === 0 ? previous.annotations : undefined);
    tell({ ...change, added, changed, removed, before, previous, state: current });
  });

  return {
    ...store,
    getState: () => current,
    get: (id) => keep(store.get(id)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    select(id) {
      // An annotation of another layer cannot be selected here (a suggestion's id is no annotation's).
      const annotation = id === null ? undefined : store.get(id);
      store.select(annotation && !keep(annotation) ? null : id);
    },

    layer: () => layer,

    setLayer(next) {
      if (next === layer) return;
      const selected = store.getState().selectedId;
      const selectedAnnotation = selected === null ? undefined : store.get(selected);
      if (selectedAnnotation && !inLayer(selectedAnnotation, next)) store.select(null);
      const previous = current;
      const old = layer;
      layer = next;
      const state = store.getState();
      current = project(state);
      const added: string[] = [];
      const removed: string[] = [];
      const before = new Map<string, StoredAnnotation | undefined>();
      for (const annotation of state.annotations) {
        const was = inLayer(annotation, old);
        if (was === inLayer(annotation, next)) continue;
        before.set(annotation.id, was ? annotation : undefined);
        (was ? removed : added).push(annotation.id);
      }
      tell({
        origin: "local",
        added,
        changed: [],
        removed,
        speakers: [],
        before,
        suggestions: NOTHING_SHOWN,
        previous,
        state: current,
      });
    },
  };
}
