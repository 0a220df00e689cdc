"use client";
// The selected annotation or suggestion: selecting one brings it into view in the article and in
// its list (except where it was clicked), and J / K (or the list's arrows) step through those
// listed — the suggestions when a suggestion is selected.

import type { Editor } from "@tiptap/core";
import { useCallback, useState, type RefObject } from "react";
import { useWorkspaceState } from "./store/use-workspace-store";
import type { StoredAnnotation, SuggestionRecord, WorkspaceStore } from "./store/workspace-store";

export type SelectedFrom = "editor" | "sidebar" | "keyboard" | "none";

export interface SelectedAnnotation {
  selectedId: string | null;
  selected: StoredAnnotation | null;
  selectedSuggestion: SuggestionRecord | null;
  select: (id: string | null, from?: SelectedFrom) => void;
  step: (direction: 1 | -1) => void;
  /** Asks the list to scroll to an annotation (a new object for each request). */
  scrollRequest: { id: string; seq: number } | null;
}

export function useSelectedAnnotation(
  store: WorkspaceStore,
  editor: RefObject<Editor | null>,
  listed: readonly StoredAnnotation[],
  suggestions: readonly SuggestionRecord[],
): SelectedAnnotation {
  const selectedId = useWorkspaceState(store, (s) => s.selectedId);
  const selected = useWorkspaceState(store, (s) => (s.selectedId ? (store.get(s.selectedId) ?? null) : null));
  const selectedSuggestion = useWorkspaceState(store, (s) => (s.selectedId ? (store.getSuggestion(s.selectedId) ?? null) : null));
  const [scrollRequest, setScrollRequest] = useState<{ id: string; seq: number } | null>(null);

  const select = useCallback(
    (id: string | null, from: SelectedFrom = "none") => {
      store.select(id);
      if (!id) return;
      if (from !== "editor") {
        const escaped = CSS.escape(id);
        const element = editor.current?.view.dom.querySelector(`[data-annotation-id="${escaped}"], [data-suggestion-id="${escaped}"]`);
        element?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
      }
      if (from !== "sidebar") setScrollRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
    },
    [store, editor],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const current = store.getState().selectedId;
      const list: readonly { id: string }[] = current && store.getSuggestion(current) ? suggestions : listed;
      if (list.length === 0) return;
      const index = current ? list.findIndex((a) => a.id === current) : -1;
      const next = index < 0 ? (direction === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + direction));
      select((list[next] as { id: string }).id, "keyboard");
    },
    [store, listed, suggestions, select],
  );

  return { selectedId, selected, selectedSuggestion, select, step, scrollRequest };
}
