// The editor's highlights, taken from the workspace store: every annotation (those not yet saved
// drawn as drafts), the draft being tagged, the suggestions shown (as ghosts with the speaker they
// propose), and which one is selected — in editor positions. The one adapter between the store and
// the highlight plugin: it turns each store change into the highlights to redraw, comparing what
// was drawn with what is to be drawn.

import type { EditorTextMap } from "@/lib/text/editor-map";
import type { HighlightSource } from "./annotation-highlights";
import { sameHighlight, type Highlight } from "./highlight-decorations";
import type { StoredAnnotation, SuggestionRecord, WorkspaceState, WorkspaceStore } from "./store/workspace-store";
import { proposedSpeaker } from "./workspace-model";

export function storeHighlights(store: WorkspaceStore, map: EditorTextMap): HighlightSource {
  const highlight = (
    span: { id: string; label: Highlight["label"]; start: number; end: number },
    state: WorkspaceState,
    draft: boolean,
  ): Highlight => ({ id: span.id, label: span.label, ...map.toEditorRange(span), draft, selected: span.id === state.selectedId });

  const ghost = (suggestion: SuggestionRecord, state: WorkspaceState): Highlight => ({
    ...highlight(suggestion, state, false),
    suggestion: { speaker: proposedSpeaker(suggestion, state.speakerById).name ?? "" },
  });

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
      for (const suggestion of state.suggestions) yield ghost(suggestion, state);
    },

    subscribe(listener) {
      return store.subscribe(({ before, previous, state, suggestions, speakers }) => {
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
        // Suggestions: those hidden and shown, and those shown before and after whose selection or
        // proposed speaker's name changed.
        for (const suggestion of suggestions.hidden) removed.push(ghost(suggestion, previous));
        for (const suggestion of suggestions.shown) added.push(ghost(suggestion, state));
        const redrawn = new Set([...suggestions.hidden, ...suggestions.shown].map((s) => s.id));
        const stayed: SuggestionRecord[] = [];
        for (const id of [previous.selectedId, state.selectedId]) {
          const suggestion = id && previous.selectedId !== state.selectedId ? store.getSuggestion(id) : undefined;
          if (suggestion) stayed.push(suggestion);
        }
        if (speakers.length > 0) {
          const renamed = new Set(speakers);
          for (const s of state.suggestions) if (s.speaker && "id" in s.speaker && renamed.has(s.speaker.id)) stayed.push(s);
        }
        for (const suggestion of stayed) {
          if (redrawn.has(suggestion.id)) continue;
          redrawn.add(suggestion.id);
          const old = ghost(suggestion, previous);
          const now = ghost(suggestion, state);
          if (sameHighlight(old, now)) continue;
          removed.push(old);
          added.push(now);
        }
        if (removed.length > 0 || added.length > 0) listener({ removed, added });
      });
    },
  };
}
