"use client";
// The annotation workspace: the article with its highlights, the selection toolbar and the
// attribution popup, the suggested quotes (for those who may annotate) and the sidebar listing
// annotations — composed around one store (store/workspace-store.ts) that holds the annotations,
// the suggestions, the speakers, the selection and the draft. The editor's highlights and the
// sidebar follow the store — through the layer shown (store/layer-view.ts: every annotator's, one
// annotator's, or the curated layer; ?layer= in the URL); every change goes through it,
// colleagues' changes too (use-document-events.ts: the document's live stream).

import type { Editor } from "@tiptap/core";
import { useCallback, useId, useMemo, useRef, useState } from "react";
import { unpackAnnotations, type PackedAnnotations } from "@/lib/annotations/annotation-record";
import { can, canDeleteAnnotation, canEditAnnotation, type Role } from "@/lib/auth/roles";
import { LABEL_INFO, LABELS } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { SuggestionView } from "@/lib/suggestions/suggestions";
import { EditorTextMap } from "@/lib/text/editor-map";
import { AnnotationDetails } from "./AnnotationDetails";
import { AnnotationSidebar } from "./AnnotationSidebar";
import { ArticleEditor, type SelectionInfo } from "./ArticleEditor";
import { CommentThread } from "./CommentThread";
import { LiveBar } from "./LiveBar";
import { NewAnnotationPopup } from "./NewAnnotationPopup";
import { RemoteNotice } from "./RemoteNotice";
import { SelectionToolbar } from "./SelectionToolbar";
import { storeHighlights } from "./store-highlights";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { useWorkspaceState } from "./store/use-workspace-store";
import { layerView } from "./store/layer-view";
import { createWorkspaceStore, type StoredAnnotation } from "./store/workspace-store";
import { Toasts, useToasts } from "./Toasts";
import { useAnnotationEdits } from "./use-annotation-edits";
import { useDocumentEvents } from "./use-document-events";
import { useDraft } from "./use-draft";
import { useSelectedAnnotation } from "./use-selected-annotation";
import { useSpeakerResolution } from "./use-speaker-resolution";
import { useSuggestions, type SuggestionCorrection } from "./use-suggestions";
import { useWorkspaceKeyboard } from "./use-workspace-keyboard";
import {
  ALL_LAYERS,
  filtered,
  inLayer,
  layerOptions,
  NO_FILTERS,
  speakerName,
  type AnnotationFilters,
  type Layer,
} from "./workspace-model";
import "./workspace.css";

export interface WorkspaceProps {
  document: { id: string; projectId: string; title: string; text: string };
  annotations: PackedAnnotations;
  speakers: SpeakerView[];
  actor: { id: string; name: string };
  role: Role;
  /** The annotation to select and bring into view on opening (a link from search or review). */
  initialSelectedId?: string | null;
  /** The change event the annotations were read after: the live stream resumes there. */
  since?: string;
  /** The pending suggestions (without their quotes, sliced here from the text); for those who may annotate. */
  suggestions?: Omit<SuggestionView, "exact">[];
  /**
   * The actor sees others' annotations (annotation-visibility.ts: anyone in a shared project,
   * reviewers and owners in an independent one), so may pick a layer; others have only their own.
   */
  layers?: boolean;
  /** The layer shown on opening (?layer=). */
  initialLayer?: Layer;
}

/** Puts the layer in the address (?layer=), so a link opens it; no history entry per choice. */
function showLayerInUrl(layer: Layer): void {
  const url = new URL(window.location.href);
  if (layer === ALL_LAYERS) url.searchParams.delete("layer");
  else url.searchParams.set("layer", layer);
  window.history.replaceState(window.history.state, "", url);
}

const SHORTCUTS = LABELS.map((label) => `${LABEL_INFO[label].key.toUpperCase()} for a ${label}`).join(" or ");

export function Workspace({
  document,
  annotations: packed,
  speakers: initialSpeakers,
  actor,
  role,
  initialSelectedId,
  since,
  suggestions: initialSuggestions = [],
  layers = false,
  initialLayer = ALL_LAYERS,
}: WorkspaceProps) {
  const map = useMemo(() => new EditorTextMap(document.text), [document.text]);
  // `store` is the layer's view of the one store: everything below reads and writes through it.
  const [{ all, store }] = useState(() => {
    const base = createWorkspaceStore({
      documentId: document.id,
      annotations: unpackAnnotations(packed, map.index),
      speakers: initialSpeakers,
      suggestions: initialSuggestions.map((s) => ({ ...s, exact: map.index.slice(s.start, s.end) })),
    });
    return { all: base, store: layerView(base, layers ? initialLayer : ALL_LAYERS) };
  });
  const highlights = useMemo(() => storeHighlights(store, map), [store, map]);
  const annotations = useWorkspaceState(store, (s) => s.annotations);
  const speakers = useWorkspaceState(store, (s) => s.speakers);
  const speakerById = useWorkspaceState(store, (s) => s.speakerById);
  const suggestions = useWorkspaceState(store, (s) => s.suggestions);
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const layer = useWorkspaceState(store, () => store.layer());
  const everyAnnotation = useWorkspaceState(all, (s) => s.annotations);
  const layerChoices = useMemo(() => (layers ? layerOptions(everyAnnotation, layer) : []), [layers, everyAnnotation, layer]);
  const layerSelectId = useId();
  const toasts = useToasts();
  const editorRef = useRef<Editor | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const mayCreate = can(role, "annotation.create");
  const own = (a: StoredAnnotation) => a.author.id === actor.id;
  const mayDelete = (a: StoredAnnotation) => !a.pending && canDeleteAnnotation(role, own(a));

  const visible = useMemo(() => filtered(annotations, filters), [annotations, filters]);
  const chooseLayer = useCallback(
    (next: Layer) => {
      store.setLayer(next);
      showLayerInUrl(next);
    },
    [store],
  );

  const { selectedId, selected, selectedSuggestion, select, step, scrollRequest } = useSelectedAnnotation(
    store,
    editorRef,
    visible,
    suggestions,
  );
  const live = useDocumentEvents(store, document.id, actor.id, since);
  const notice = live.notice && (live.notice.deleted ? selectedId === null : live.notice.annotationId === selectedId) ? live.notice : null;

  const resolveSpeaker = useSpeakerResolution(store, document.projectId);
  const clearSelection = useCallback(() => setSelection(null), []);
  const draft = useDraft({
    store,
    editor: editorRef,
    article: articleRef,
    map,
    documentId: document.id,
    actor,
    mayCreate,
    resolveSpeaker,
    toasts,
    onDone: clearSelection,
  });
  // A new annotation (tagged, or an accepted suggestion) is the actor's own: made while another
  // layer is shown, every layer is shown, so that it does not vanish once saved.
  const showOwnWork = () => {
    if (inLayer({ author: actor }, layer)) return;
    chooseLayer(ALL_LAYERS);
    toasts.show({ kind: "status", text: "Showing all layers: your new annotation goes into your own." });
  };
  const tag = (label: Parameters<typeof draft.start>[0]) => {
    const started = draft.start(label);
    if (started) showOwnWork();
    return started;
  };
  const { update, remove } = useAnnotationEdits({ store, resolveSpeaker, toasts, select });
  const suggested = useSuggestions({ store, map, documentId: document.id, actor, toasts, select });
  // The correction being made to the selected suggestion (speaker, kind), until it is decided.
  const [correction, setCorrection] = useState<{ id: string; value: SuggestionCorrection } | null>(null);
  const selectedCorrection = selectedSuggestion && correction?.id === selectedSuggestion.id ? correction.value : {};
  const acceptSelected = () => {
    if (!selectedSuggestion || !mayCreate) return false;
    showOwnWork();
    void suggested.accept(selectedSuggestion, selectedCorrection);
    return true;
  };
  const dismissSelected = () => {
    if (!selectedSuggestion || !mayCreate) return false;
    void suggested.dismiss(selectedSuggestion);
    return true;
  };
  useWorkspaceKeyboard({
    tag,
    step,
    deleteSelected: () => {
      if (!selected || !mayDelete(selected)) return false;
      void remove(selected);
      return true;
    },
    acceptSuggestion: acceptSelected,
    dismissSuggestion: dismissSelected,
    escape: () => (store.getState().draft ? draft.cancel() : select(null)),
  });

  const onReady = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      // Once the highlights are drawn, so that the selected one can be scrolled to.
      if (initialSelectedId && store.get(initialSelectedId)) requestAnimationFrame(() => select(initialSelectedId));
    },
    // Only when the editor first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const onHighlightClick = useCallback((id: string) => select(id, "editor"), [select]);
  const onRowSelect = useCallback((id: string | null) => select(id, "sidebar"), [select]);

  return (
    <div className="workspace">
      <LiveBar viewers={live.viewers} selfId={actor.id} status={live.status} />
      <article className="workspace-article" ref={articleRef} aria-labelledby="document-title">
        <h1 id="document-title" className="document-title">
          {document.title}
        </h1>
        <p className="workspace-help muted">
          Select text{mayCreate ? `, then press ${SHORTCUTS}` : ""}. J / K move between annotations
          {mayCreate ? " (between suggestions when one is selected; Enter accepts it, X dismisses it)" : ""}, Esc closes.
        </p>
        {layers && (
          <div className="workspace-toolbar">
            <label htmlFor={layerSelectId}>Layer</label>
            <select
              id={layerSelectId}
              value={layer}
              onChange={(event) => chooseLayer(event.target.value)}
              aria-describedby={`${layerSelectId}-help`}
            >
              {layerChoices.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.text}
                </option>
              ))}
            </select>
            <span id={`${layerSelectId}-help`} className="muted">
              The article and the list show this layer only.
            </span>
          </div>
        )}
        <div className="article-frame">
          <ArticleEditor
            map={map}
            highlights={highlights}
            container={articleRef}
            onReady={onReady}
            onSelection={setSelection}
            onHighlightClick={onHighlightClick}
          />
        </div>
        {selection && !draft.draft && mayCreate && <SelectionToolbar anchor={selection.anchor} onChoose={tag} />}
        {draft.draft && (
          <NewAnnotationPopup
            key={draft.draft.id}
            label={draft.draft.label}
            anchor={draft.draft.anchor}
            speakers={speakers}
            defaultKind={draft.defaultKind}
            onSave={draft.save}
            onCancel={draft.cancel}
          />
        )}
      </article>
      <div className="workspace-side">
        {mayCreate && (
          <SuggestionsPanel
            suggestions={suggestions}
            speakers={speakers}
            speakerById={speakerById}
            selected={selectedSuggestion}
            correction={selectedCorrection}
            onCorrect={(value) => selectedSuggestion && setCorrection({ id: selectedSuggestion.id, value })}
            scrollRequest={scrollRequest}
            onSelect={onRowSelect}
            onStep={step}
            onAccept={acceptSelected}
            onDismiss={dismissSelected}
            computing={suggested.computing}
            found={suggested.found}
            onCompute={() => void suggested.compute()}
            bulk={suggested.bulk}
            onAcceptAll={() => {
              showOwnWork();
              void suggested.acceptAll();
            }}
            onStopAll={suggested.stopAll}
            onCloseBulk={suggested.closeBulk}
            inert={draft.draft !== null}
          />
        )}
        <AnnotationSidebar
          annotations={visible}
          total={annotations.length}
          filters={filters}
          onFilters={setFilters}
          speakers={speakers}
          speakerById={speakerById}
          emptyText={layer === ALL_LAYERS ? undefined : "No annotations in this layer."}
          selectedId={selectedId}
          scrollRequest={scrollRequest}
          onSelect={onRowSelect}
          onStep={step}
          inert={draft.draft !== null}
        >
          <RemoteNotice text={notice?.text ?? null} onDismiss={live.dismissNotice} />
          {selected && (
            <AnnotationDetails
              key={selected.id}
              annotation={selected}
              speakerName={speakerName(selected, speakerById)}
              speakers={speakers}
              mayEdit={!selected.pending && canEditAnnotation(role, own(selected))}
              mayReview={!selected.pending && can(role, "annotation.review")}
              mayDelete={mayDelete(selected)}
              onUpdate={(changes, base) => update(base, changes)}
              onDelete={() => void remove(selected)}
              onClose={() => select(null)}
            >
              {!selected.pending && <CommentThread annotationId={selected.id} actorId={actor.id} role={role} events={live.comments} />}
            </AnnotationDetails>
          )}
        </AnnotationSidebar>
      </div>
      <Toasts toasts={toasts} />
    </div>
  );
}
