"use client";
// The workspace's keys, anywhere on the page but in form fields and popups: a label's key (C, Q)
// tags the selected text, J / K move between annotations (between suggestions when one is
// selected), Delete (or Backspace) deletes the selected one, Enter accepts the selected suggestion
// and X dismisses it, Esc closes the draft or clears the selection.

import { useEffect, useLayoutEffect, useRef } from "react";
import { labelForKey, type Label } from "@/lib/model/vocabulary";

export interface WorkspaceKeys {
  /** False when there was nothing to tag. */
  tag: (label: Label) => boolean;
  step: (direction: 1 | -1) => void;
  /** False when nothing was deleted. */
  deleteSelected: () => boolean;
  /** False when no suggestion is selected. */
  acceptSuggestion: () => boolean;
  dismissSuggestion: () => boolean;
  escape: () => void;
}

export function useWorkspaceKeyboard(keys: WorkspaceKeys): void {
  // The listener stays; the handlers it calls are the latest render's.
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Not checking defaultPrevented: ProseMirror prevents Enter, Esc and Backspace in the article.
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, dialog, [role=dialog], [role=combobox]")) return;
      const key = event.key.toLowerCase();
      const label = labelForKey(key);
      const handlers = latest.current;
      let handled = false;
      if (label) handled = handlers.tag(label);
      else if (key === "j" || key === "k") {
        handlers.step(key === "j" ? 1 : -1);
        handled = true;
      } else if (key === "delete" || key === "backspace") handled = handlers.deleteSelected();
      // Enter on a button or link is theirs.
      else if (key === "enter" && !target?.closest("button, a[href], summary")) handled = handlers.acceptSuggestion();
      else if (key === "x") handled = handlers.dismissSuggestion();
      else if (key === "escape") handlers.escape();
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
