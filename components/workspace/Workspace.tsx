"use client";
// The annotation workspace: the article with its highlights, the selection toolbar and the
// attribution popup, and the sidebar listing annotations. All changes go to the API; the screen
// changes first (optimistically) and rolls back, with a message, when the server refuses.

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { Label, QuoteKind } from "@/lib/model/vocabulary";
import { canDeleteAnnotation, canEditAnnotation, can, type Role } from "@/lib/auth/roles";
import { EditorTextMap } from "@/lib/text/editor-map";
import type { TextPosition } from "@/lib/text/quote-selector";
import { ApiRequestError } from "@/components/ui/api-client";
import { defaultQuoteKind } from "@/lib/annotations/span-rules";
import { withHighlightAction, type Highlight } from "./annotation-highlights";
import { AnnotationDetails } from "./AnnotationDetails";
import { AnnotationSidebar } from "./AnnotationSidebar";
import { ArticleEditor, readSelection, type SelectionInfo } from "./ArticleEditor";
import { NewAnnotationPopup } from "./NewAnnotationPopup";
import { SelectionToolbar } from "./SelectionToolbar";
import type { SpeakerChoice, SpeakerOption } from "./speaker-options";
import { Toasts, useToasts } from "./Toasts";
import { workspaceApi, type AnnotationChanges } from "./workspace-api";
import {
  annotationsReducer,
  byTextOrder,
  matchesFilters,
  NO_FILTERS,
  type AnnotationFilters,
  type WorkspaceAnnotation,
} from "./workspace-model";
import "./workspace.css";

export interface WorkspaceProps {
  document: { id: string; projectId: string; title: string; text: string };
  annotations: AnnotationView[];
  speakers: SpeakerOption[];
  actor: { id: string; name: string };
  role: Role;
}

interface Draft {
  id: string;
  label: Label;
  span: TextPosition;
  exact: string;
  anchor: { top: number; left: number };
  saving: boolean;
}

const UNDO_MS = 8000;
let temporaryIds = 0;

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError ? error.message : `${fallback} (the server could not be reached).`;
}

export function Workspace({ document, annotations: initial, speakers: initialSpeakers, actor, role }: WorkspaceProps) {
  const map = useMemo(() => new EditorTextMap(document.text), [document.text]);
  const [annotations, dispatch] = useReducer(
    annotationsReducer,
    initial,
    (list) => new Map<string, WorkspaceAnnotation>(list.map((a) => [a.id, a])),
  );
  const [speakers, setSpeakers] = useState(initialSpeakers);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [scrollRequest, setScrollRequest] = useState<{ id: string; seq: number } | null>(null);
  const toasts = useToasts();
  const editorRef = useRef<Editor | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const mayCreate = can(role, "annotation.create");

  const sorted = useMemo(() => [...annotations.values()].sort(byTextOrder), [annotations]);
  const visible = useMemo(() => sorted.filter((a) => matchesFilters(a, filters)), [sorted, filters]);
  const selected = selectedId ? (annotations.get(selectedId) ?? null) : null;

  // --- highlights in the editor -------------------------------------------------------------
  const highlightOf = useCallback(
    (a: { id: string; label: Label; start: number; end: number }, draftFlag = false): Highlight => ({
      id: a.id,
      label: a.label,
      ...map.toEditorRange(a),
      draft: draftFlag,
    }),
    [map],
  );
  const highlight = useCallback((action: Parameters<typeof withHighlightAction>[1]) => {
    const view = editorRef.current?.view;
    if (view) view.dispatch(withHighlightAction(view.state.tr, action));
  }, []);

  const onReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      highlight({ type: "reset", highlights: [...annotations.values()].map((a) => highlightOf(a, a.pending)) });
    },
    // Only the first render's annotations: later changes are applied one by one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // --- selection ----------------------------------------------------------------------------
  const select = useCallback(
    (id: string | null, from: "editor" | "sidebar" | "keyboard" | "none" = "none") => {
      setSelectedId(id);
      highlight({ type: "select", id });
      if (!id) return;
      if (from !== "editor") {
        const element = editorRef.current?.view.dom.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`);
        element?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
      }
      if (from !== "sidebar") setScrollRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
    },
    [highlight],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (visible.length === 0) return;
      const index = selectedId ? visible.findIndex((a) => a.id === selectedId) : -1;
      const next = index < 0 ? (direction === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, index + direction));
      select((visible[next] as WorkspaceAnnotation).id, "keyboard");
    },
    [visible, selectedId, select],
  );

  // --- creating -----------------------------------------------------------------------------
  const startDraft = useCallback(
    (label: Label) => {
      // The selection as the editor has it now: a key pressed right after Shift+arrow must not
      // tag the span React last rendered.
      const editor = editorRef.current;
      const current = editor ? readSelection(editor, map, articleRef.current) : null;
      if (!current || draft || !mayCreate) return;
      const id = `draft-${++temporaryIds}`;
      const exact = map.index.slice(current.span.start, current.span.end);
      select(null);
      highlight({ type: "upsert", highlight: highlightOf({ id, label, ...current.span }, true) });
      setDraft({ id, label, span: current.span, exact, anchor: current.anchor, saving: false });
    },
    [draft, mayCreate, map, select, highlight, highlightOf],
  );

  /** Back to the article with the caret after the span: a new selection can start anywhere. */
  const returnToArticle = useCallback(
    (span: TextPosition) => {
      editorRef.current?.chain().setTextSelection(map.toEditorPos(span.end)).focus().run();
      setSelection(null);
    },
    [map],
  );

  const cancelDraft = useCallback(() => {
    if (!draft || draft.saving) return;
    highlight({ type: "remove", id: draft.id });
    setDraft(null);
    returnToArticle(draft.span);
  }, [draft, highlight, returnToArticle]);

  const resolveSpeaker = useCallback(
    async (choice: SpeakerChoice): Promise<SpeakerOption | null> => {
      if (choice.type === "none") return null;
      if (choice.type === "existing") return choice.speaker;
      try {
        const created = await workspaceApi.createSpeaker(document.projectId, choice.name);
        setSpeakers((list) => [...list, created]);
        return created;
      } catch (error) {
        // Someone created it meanwhile: use theirs.
        if (error instanceof ApiRequestError && error.status === 409) {
          const { speakers: found } = await workspaceApi.findSpeakers(document.projectId, choice.name);
          const same = found.find((s) => s.name.toLowerCase() === choice.name.toLowerCase());
          if (same) {
            setSpeakers((list) => (list.some((s) => s.id === same.id) ? list : [...list, same]));
            return same;
          }
        }
        throw error;
      }
    },
    [document.projectId],
  );

  const saveDraft = useCallback(
    async (choice: SpeakerChoice, quoteKind: QuoteKind | null) => {
      if (!draft || draft.saving) return;
      setDraft({ ...draft, saving: true });
      const optimistic: WorkspaceAnnotation = {
        id: draft.id,
        documentId: document.id,
        label: draft.label,
        quoteKind: draft.label === "quote" ? quoteKind : null,
        start: draft.span.start,
        end: draft.span.end,
        exact: draft.exact,
        prefix: "",
        suffix: "",
        speakerId: choice.type === "existing" ? choice.speaker.id : null,
        speaker:
          choice.type === "existing"
            ? { id: choice.speaker.id, name: choice.speaker.name }
            : choice.type === "create"
              ? { id: "", name: choice.name }
              : null,
        note: null,
        status: "pending",
        reviewedBy: null,
        reviewedAt: null,
        reviewReason: null,
        author: actor,
        version: 0,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        pending: true,
      };
      dispatch({ type: "put", annotation: optimistic });
      setDraft(null);
      returnToArticle(draft.span);
      try {
        const speaker = await resolveSpeaker(choice);
        const saved = await workspaceApi.createAnnotation(document.id, {
          label: draft.label,
          start: draft.span.start,
          end: draft.span.end,
          exact: draft.exact,
          speakerId: speaker?.id ?? null,
          quoteKind: draft.label === "quote" ? quoteKind : null,
        });
        dispatch({ type: "replace", id: draft.id, annotation: saved });
        highlight({ type: "remove", id: draft.id });
        highlight({ type: "upsert", highlight: highlightOf(saved) });
        toasts.show({ kind: "status", text: `${saved.label === "claim" ? "Claim" : "Quote"} saved.` });
      } catch (error) {
        dispatch({ type: "remove", id: draft.id });
        highlight({ type: "remove", id: draft.id });
        toasts.show({ kind: "error", text: `The annotation was not saved: ${errorMessage(error, "network error")}` });
      }
    },
    [draft, document.id, actor, resolveSpeaker, highlight, highlightOf, toasts, returnToArticle],
  );

  // --- editing ------------------------------------------------------------------------------
  const update = useCallback(
    async (annotation: WorkspaceAnnotation, changes: AnnotationChanges & { speakerChoice?: SpeakerChoice }) => {
      const { speakerChoice, ...rest } = changes;
      try {
        const body: AnnotationChanges = { ...rest };
        if (speakerChoice) body.speakerId = (await resolveSpeaker(speakerChoice))?.id ?? null;
        const saved = await workspaceApi.updateAnnotation(annotation.id, annotation.version, body);
        dispatch({ type: "put", annotation: saved });
        highlight({ type: "upsert", highlight: highlightOf(saved) });
        return true;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 409) {
          const current = (error.body?.error.details as { current?: AnnotationView } | undefined)?.current;
          if (current) {
            dispatch({ type: "put", annotation: current });
            highlight({ type: "upsert", highlight: highlightOf(current) });
          }
          toasts.show({
            kind: "error",
            text: "Someone else changed this annotation meanwhile; it now shows their version. Make your change again if it still applies.",
          });
          return false;
        }
        toasts.show({ kind: "error", text: `Not saved: ${errorMessage(error, "network error")}` });
        return false;
      }
    },
    [resolveSpeaker, highlight, highlightOf, toasts],
  );

  const remove = useCallback(
    async (annotation: WorkspaceAnnotation) => {
      dispatch({ type: "remove", id: annotation.id });
      highlight({ type: "remove", id: annotation.id });
      if (selectedId === annotation.id) setSelectedId(null);
      try {
        await workspaceApi.deleteAnnotation(annotation.id);
      } catch (error) {
        dispatch({ type: "put", annotation });
        highlight({ type: "upsert", highlight: highlightOf(annotation) });
        toasts.show({ kind: "error", text: `Not deleted: ${errorMessage(error, "network error")}` });
        return;
      }
      toasts.show({
        kind: "status",
        text: `${annotation.label === "claim" ? "Claim" : "Quote"} deleted.`,
        action: {
          label: "Undo",
          run: async () => {
            try {
              const restored = await workspaceApi.restoreAnnotation(annotation.id);
              dispatch({ type: "put", annotation: restored });
              highlight({ type: "upsert", highlight: highlightOf(restored) });
              select(restored.id, "none");
              toasts.show({ kind: "status", text: "Deletion undone." });
            } catch (error) {
              toasts.show({ kind: "error", text: `Could not undo: ${errorMessage(error, "network error")}` });
            }
          },
        },
        timeoutMs: UNDO_MS,
      });
    },
    [selectedId, highlight, highlightOf, select, toasts],
  );

  // --- keyboard -----------------------------------------------------------------------------
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Not checking defaultPrevented: ProseMirror prevents Enter, Esc and Backspace in the article.
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [role=dialog], [role=combobox]")) return;
      const key = event.key.toLowerCase();
      if ((key === "c" || key === "q") && !draft && editorRef.current && !editorRef.current.state.selection.empty) {
        event.preventDefault();
        startDraft(key === "c" ? "claim" : "quote");
      } else if (key === "j" || key === "k") {
        event.preventDefault();
        step(key === "j" ? 1 : -1);
      } else if ((key === "delete" || key === "backspace") && selected && !selected.pending) {
        if (canDeleteAnnotation(role, selected.author.id === actor.id)) {
          event.preventDefault();
          void remove(selected);
        }
      } else if (key === "escape") {
        if (draft) cancelDraft();
        else if (selectedId) select(null);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [draft, selected, selectedId, role, actor.id, startDraft, step, remove, cancelDraft, select]);

  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const a of sorted) byId.set(a.author.id, a.author.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [sorted]);

  return (
    <div className="workspace">
      <article className="workspace-article" ref={articleRef} aria-labelledby="document-title">
        <h1 id="document-title" className="document-title">
          {document.title}
        </h1>
        <p className="workspace-help muted">
          Select text{mayCreate ? ", then press C for a claim or Q for a quote" : ""}. J / K move between annotations, Esc closes.
        </p>
        <div className="article-frame">
          <ArticleEditor
            map={map}
            container={articleRef}
            onReady={onReady}
            onSelection={setSelection}
            onHighlightClick={(id) => select(id, "editor")}
          />
        </div>
        {selection && !draft && mayCreate && <SelectionToolbar anchor={selection.anchor} onChoose={startDraft} />}
        {draft && (
          <NewAnnotationPopup
            label={draft.label}
            anchor={draft.anchor}
            speakers={speakers}
            defaultKind={defaultQuoteKind(draft.exact)}
            saving={draft.saving}
            onSave={saveDraft}
            onCancel={cancelDraft}
          />
        )}
      </article>
      <AnnotationSidebar
        annotations={visible}
        total={sorted.length}
        filters={filters}
        onFilters={setFilters}
        speakers={speakers}
        authors={authors}
        selectedId={selectedId}
        scrollRequest={scrollRequest}
        onSelect={(id) => select(id, "sidebar")}
        onStep={step}
        inert={draft !== null}
      >
        {selected && (
          <AnnotationDetails
            key={`${selected.id}:${selected.version}`}
            annotation={selected}
            speakers={speakers}
            mayEdit={!selected.pending && canEditAnnotation(role, selected.author.id === actor.id)}
            mayReview={!selected.pending && can(role, "annotation.review")}
            mayDelete={!selected.pending && canDeleteAnnotation(role, selected.author.id === actor.id)}
            onUpdate={(changes) => update(selected, changes)}
            onDelete={() => remove(selected)}
            onClose={() => select(null)}
          />
        )}
      </AnnotationSidebar>
      <Toasts toasts={toasts} />
    </div>
  );
}
