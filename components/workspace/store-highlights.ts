// The editor's highlights, taken from the workspace store: every annotation (those not yet saved
// drawn as drafts), the draft being tagged, and which one is selected — in editor positions. The
// one adapter between the store and the highlight plugin: it turns each store change into the
// highlights to redraw, comparing what was drawn with what is to be drawn.

import type { EditorTextMap } from "@/lib/text/editor-map";
import type { HighlightSource } from "./annotation-highlights";
import { sameHighlight, type Highlight } from "./highlight-decorations";
import type { StoredAnnotation, WorkspaceState, WorkspaceStore } from "./store/workspace-store";

export function storeHighlights(store: WorkspaceStore, map: EditorTextMap): HighlightSource {
  const highlight = (
    span: { id: string; label: Highlight["label"]; start: number; end: number },
    state: WorkspaceState,
    draft: boolean,
  ): Highlight => ({ id: span.id, label: span.label, ...map.toEditorRange(span), draft, selected: span.id === state.selectedId });

  /** The highlight drawn for `id`, given the annotation it then was (if any) and the state. */
  const drawn = (annotation: StoredAnnotation | undefined, state: WorkspaceState, id: string): Highlight | null => {
    if (annotation) return highlight(annotation, state, annotation.pending !== undefined);
    if (state.draft?.id === id) return highlight(state.draft, state, true);
    return null;
  };

  return {
    *current() {
      const state = store.getState();
      for (const annotation of state.annotations) yield highlight(annotation, state, annotation.pending !== undefined);
      if (state.draft) yield highlight(state.draft, state, true);
    },

    subscribe(listener) {
      return store.subscribe(({ before, previous, state }) => {
        const ids = new Set(before.keys());
        for (const id of [previous.selectedId, state.selectedId, previous.draft?.id, state.draft?.id]) {
          if (id) ids.add(id);
        }
        const removed: Highlight[] = [];
        const added: Highlight[] = [];
        for (const id of ids) {
          // An annotation the change did not touch is as it was.
          const old = drawn(before.has(id) ? before.get(id) : store.get(id), previous, id);
          const now = drawn(store.get(id), state, id);
          if (old && now && sameHighlight(old, now)) continue;
          if (old) removed.push(old);
          if (now) added.push(now);
        }
        if (removed.length > 0 || added.length > 0) listener({ removed, added });
      });
    },
  };
}
