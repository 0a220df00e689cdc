"use client";
// Suggested quotes, from the Suggest button to accepted annotations: computing them (the store then
// shows them), accepting one — at once, through the store, as an optimistic annotation with the
// speaker proposed or corrected — dismissing one, and accepting all that are left, a few at a time,
// counting what was done and what failed. The next suggestion is selected after a decision, so an
// analyst can go through them with Enter and X.

import { useCallback, useRef, useState } from "react";
import { LABEL_INFO, QUOTE_KIND_NAMES, type QuoteKind } from "@/lib/model/vocabulary";
import type { AcceptSuggestionInput } from "@/lib/suggestions/suggestions";
import type { EditorTextMap } from "@/lib/text/editor-map";
import type { SpeakerChoice } from "./speaker-options";
import { unsavedAnnotation, type SuggestionDecision, type SuggestionRecord, type WorkspaceStore } from "./store/workspace-store";
import type { ToastApi } from "./Toasts";
import type { SelectedFrom } from "./use-selected-annotation";
import { failureMessage, workspaceApi } from "./workspace-api";
import { snippet } from "./workspace-model";

/** What the analyst changed before accepting. */
export interface SuggestionCorrection {
  speaker?: SpeakerChoice;
  quoteKind?: QuoteKind | null;
}

export interface BulkAcceptance {
  total: number;
  done: number;
  failures: { suggestion: SuggestionRecord; message: string }[];
  running: boolean;
  /** Stopped before the end: the rest are still proposed. */
  stopped: boolean;
}

export interface SuggestionsOptions {
  store: WorkspaceStore;
  map: EditorTextMap;
  documentId: string;
  actor: { id: string; name: string };
  toasts: ToastApi;
  select: (id: string | null, from?: SelectedFrom) => void;
}

/** How many acceptances are in flight at once during "Accept all". */
const BULK_CONCURRENCY = 3;

let temporaryIds = 0;

/** The suggestion after `id` in the shown list, else the one before: where the selection goes next. */
function neighbour(list: readonly SuggestionRecord[], id: string): SuggestionRecord | null {
  const index = list.findIndex((s) => s.id === id);
  if (index < 0) return null;
  return list[index + 1] ?? list[index - 1] ?? null;
}

export function useSuggestions({ store, map, documentId, actor, toasts, select }: SuggestionsOptions) {
  const [computing, setComputing] = useState(false);
  /** What the last Suggest found (null before one). */
  const [found, setFound] = useState<number | null>(null);
  const [bulk, setBulk] = useState<BulkAcceptance | null>(null);
  const stopRequested = useRef(false);

  /**
   * Brings the suggestion selected after a decision into view (the store has selected it already),
   * once the decision is painted: scrolling lays out and paints the paragraphs it brings in, which
   * on a long article would hold back the highlight the analyst is waiting for.
   */
  const bringIntoView = useCallback(
    (id: string) =>
      requestAnimationFrame(() => {
        if (store.getState().selectedId === id) select(id, "keyboard");
      }),
    [store, select],
  );

  const compute = useCallback(async () => {
    setComputing(true);
    try {
      const { suggestions } = await workspaceApi.computeSuggestions(documentId);
      store.setSuggestions(suggestions);
      setFound(store.getState().suggestions.length);
    } catch (error) {
      toasts.show({ kind: "error", text: `No suggestions: ${failureMessage(error)}` });
    } finally {
      setComputing(false);
    }
  }, [store, documentId, toasts]);

  /** Sends one acceptance (the store shows it at once); resolves to why it failed, or null. */
  const send = useCallback(
    async (
      suggestion: SuggestionRecord,
      correction: SuggestionCorrection = {},
      decision: SuggestionDecision = {},
    ): Promise<string | null> => {
      const choice = correction.speaker;
      const proposed = suggestion.speaker;
      let speakerId: string | null = null;
      let speakerName: string | null = null;
      const body: AcceptSuggestionInput = {};
      if (choice?.type === "existing") speakerId = body.speakerId = choice.speaker.id;
      else if (choice?.type === "none") body.speakerId = null;
      else if (choice?.type === "create") speakerName = body.newName = choice.name;
      else if (proposed && "id" in proposed) speakerId = proposed.id;
      else if (proposed) speakerName = proposed.newName;
      // "Not set" keeps the proposed kind: a quote accepted from a suggestion has one.
      const quoteKind = correction.quoteKind ?? suggestion.quoteKind;
      if (quoteKind !== suggestion.quoteKind && quoteKind !== null) body.quoteKind = quoteKind;
      const write = store.acceptSuggestionLocal(
        suggestion.id,
        unsavedAnnotation({
          id: `suggested-${++temporaryIds}`,
          label: suggestion.label,
          quoteKind,
          start: suggestion.start,
          end: suggestion.end,
          exact: map.index.slice(suggestion.start, suggestion.end),
          speakerId,
          author: actor,
        }),
        { speakerName, ...decision },
      );
      try {
        write.confirm(await workspaceApi.acceptSuggestion(suggestion.id, body));
        return null;
      } catch (error) {
        write.rollback();
        return failureMessage(error);
      }
    },
    [store, map, actor],
  );

  /** Accepts one; the next suggestion is selected (in the same change) when this one was. */
  const accept = useCallback(
    async (suggestion: SuggestionRecord, correction?: SuggestionCorrection) => {
      const wasSelected = store.getState().selectedId === suggestion.id;
      const next = wasSelected ? (neighbour(store.getState().suggestions, suggestion.id)?.id ?? null) : undefined;
      const failure = send(suggestion, correction, { select: next });
      if (next) bringIntoView(next);
      const message = await failure;
      if (message) toasts.show({ kind: "error", text: `The suggestion was not accepted: ${message}` });
      else toasts.show({ kind: "status", text: `${LABEL_INFO[suggestion.label].name} accepted.` });
    },
    [store, send, bringIntoView, toasts],
  );

  const dismiss = useCallback(
    async (suggestion: SuggestionRecord) => {
      const wasSelected = store.getState().selectedId === suggestion.id;
      const next = wasSelected ? (neighbour(store.getState().suggestions, suggestion.id)?.id ?? null) : undefined;
      const write = store.dismissSuggestionLocal(suggestion.id, { select: next });
      if (next) bringIntoView(next);
      try {
        await workspaceApi.dismissSuggestion(suggestion.id);
        write.confirm();
        toasts.show({ kind: "status", text: "Suggestion dismissed." });
      } catch (error) {
        write.rollback();
        toasts.show({ kind: "error", text: `The suggestion was not dismissed: ${failureMessage(error)}` });
      }
    },
    [store, bringIntoView, toasts],
  );

  /** Accepts every suggestion shown now, as proposed, a few at a time; stopAll() ends it early. */
  const acceptAll = useCallback(async () => {
    const list = [...store.getState().suggestions];
    stopRequested.current = false;
    const progress: BulkAcceptance = { total: list.length, done: 0, failures: [], running: true, stopped: false };
    setBulk({ ...progress });
    let next = 0;
    const worker = async () => {
      while (next < list.length && !stopRequested.current) {
        const suggestion = list[next++] as SuggestionRecord;
        // Shown no more (a colleague annotated the span meanwhile, or it was decided): skipped.
        if (!store.getSuggestion(suggestion.id)) {
          progress.total--;
          continue;
        }
        const message = await send(suggestion);
        progress.done++;
        if (message) progress.failures.push({ suggestion, message });
        setBulk({ ...progress, failures: [...progress.failures] });
      }
    };
    await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
    setBulk({ ...progress, failures: [...progress.failures], running: false, stopped: progress.done < progress.total });
  }, [store, send]);

  const stopAll = useCallback(() => {
    stopRequested.current = true;
  }, []);

  return { computing, found, compute, accept, dismiss, bulk, acceptAll, stopAll, closeBulk: () => setBulk(null) };
}

/** One line about a suggestion, for lists of failures: its kind and the start of its quote. */
export function suggestionSummary(suggestion: SuggestionRecord): string {
  const kind = suggestion.quoteKind ? `${QUOTE_KIND_NAMES[suggestion.quoteKind]} quote` : LABEL_INFO[suggestion.label].name;
  return `${kind} “${snippet(suggestion.exact, 60)}”`;
}
