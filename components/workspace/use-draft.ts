"use client";
// A new annotation, from the selection to the server: tagging the selected span starts a draft
// (highlighted at once, with the attribution popup); saving shows it as an unsaved annotation
// straight away and sends it, and the store swaps in the server's version or rolls it back with
// a message. Either way the caret goes back to the article, after the span.

import type { Editor } from "@tiptap/core";
import { useCallback, type RefObject } from "react";
import { defaultQuoteKind } from "@/lib/annotations/span-rules";
import { hasQuoteKind, LABEL_INFO, type Label, type QuoteKind } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { EditorTextMap } from "@/lib/text/editor-map";
import { readSelection } from "./ArticleEditor";
import type { SpeakerChoice } from "./speaker-options";
import { unsavedAnnotation, type DraftAnnotation, type WorkspaceStore } from "./store/workspace-store";
import { useWorkspaceState } from "./store/use-workspace-store";
import type { ToastApi } from "./Toasts";
import { failureMessage, workspaceApi } from "./workspace-api";

export interface DraftOptions {
  store: WorkspaceStore;
  editor: RefObject<Editor | null>;
  article: RefObject<HTMLElement | null>;
  map: EditorTextMap;
  documentId: string;
  actor: { id: string; name: string };
  mayCreate: boolean;
  resolveSpeaker: (choice: SpeakerChoice) => Promise<SpeakerView | null>;
  toasts: ToastApi;
  /** Called when the draft ends and the caret is back in the article. */
  onDone: () => void;
}

export interface Draft {
  draft: DraftAnnotation | null;
  /** The quote kind the popup proposes. */
  defaultKind: QuoteKind | null;
  /** Tags the editor's selection; false when there is nothing to tag (or a draft already). */
  start: (label: Label) => boolean;
  cancel: () => void;
  save: (choice: SpeakerChoice, quoteKind: QuoteKind | null) => Promise<void>;
}

let temporaryIds = 0;

export function useDraft({
  store,
  editor,
  article,
  map,
  documentId,
  actor,
  mayCreate,
  resolveSpeaker,
  toasts,
  onDone,
}: DraftOptions): Draft {
  const draft = useWorkspaceState(store, (state) => state.draft);

  const start = useCallback(
    (label: Label) => {
      // The selection as the editor has it now: a key pressed right after Shift+arrow must not
      // tag the span React last rendered.
      const current = editor.current ? readSelection(editor.current, map, article.current) : null;
      if (!current || store.getState().draft || !mayCreate) return false;
      const { start, end } = current.span;
      store.setDraft({ id: `draft-${++temporaryIds}`, label, start, end, exact: map.index.slice(start, end), anchor: current.anchor });
      return true;
    },
    [store, editor, article, map, mayCreate],
  );

  /** Back to the article with the caret after the span: a new selection can start anywhere. */
  const returnToArticle = useCallback(
    (span: { end: number }) => {
      editor.current?.chain().setTextSelection(map.toEditorPos(span.end)).focus().run();
      onDone();
    },
    [editor, map, onDone],
  );

  const cancel = useCallback(() => {
    const current = store.getState().draft;
    if (!current) return;
    store.setDraft(null);
    returnToArticle(current);
  }, [store, returnToArticle]);

  const save = useCallback(
    async (choice: SpeakerChoice, quoteKind: QuoteKind | null) => {
      const current = store.getState().draft;
      if (!current) return;
      const { id, label, start, end, exact } = current;
      const kind = hasQuoteKind(label) ? quoteKind : null;
      const write = store.createLocal(
        unsavedAnnotation({
          id,
          label,
          quoteKind: kind,
          start,
          end,
          exact,
          speakerId: choice.type === "existing" ? choice.speaker.id : null,
          author: actor,
        }),
        { speakerName: choice.type === "create" ? choice.name : null },
      );
      returnToArticle(current);
      try {
        const speaker = await resolveSpeaker(choice);
        const saved = await workspaceApi.createAnnotation(documentId, {
          label,
          start,
          end,
          exact,
          speakerId: speaker?.id ?? null,
          quoteKind: kind,
        });
        write.confirm(saved);
        toasts.show({ kind: "status", text: `${LABEL_INFO[saved.label].name} saved.` });
      } catch (error) {
        write.rollback();
        toasts.show({ kind: "error", text: `The annotation was not saved: ${failureMessage(error)}` });
      }
    },
    [store, documentId, actor, resolveSpeaker, toasts, returnToArticle],
  );

  return { draft, defaultKind: draft ? defaultQuoteKind(draft.exact) : null, start, cancel, save };
}
