// The review queue as the review page holds it: the filters (and their URL), the loaded items, the
// queue's total and this session's progress, and how each change — the reviewer's own, a page
// fetched, a colleague's live edit — moves it. Pure, so it is unit-tested.

import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { isAnnotationStatus, isLabel, type AnnotationStatus, type Label } from "@/lib/model/vocabulary";
import type { ReviewItem, ReviewQueuePage } from "@/lib/review/review-queue";

/** The queue's filters; "" is "any". The queue always has a status (pending unless chosen). */
export interface ReviewFilters {
  status: AnnotationStatus;
  label: Label | "";
  speakerId: string;
  author: string;
  documentId: string;
}

/** Annotations per page of the queue (the page renders the first, then fetches as the reviewer goes). */
export const REVIEW_PAGE_SIZE = 50;

/** Annotations per page of a speaker's page (a speaker may have thousands; never all at once). */
export const SPEAKER_PAGE_SIZE = 100;

export const DEFAULT_FILTERS: ReviewFilters = { status: "pending", label: "", speakerId: "", author: "", documentId: "" };

const OPTIONAL_KEYS = ["speakerId", "author", "documentId"] as const;

/** The filters a page URL's query names (anything unknown falls back to the default). */
export function filtersFromQuery(query: Readonly<Record<string, string | string[] | undefined>>): ReviewFilters {
  const one = (key: string) => {
    const value = query[key];
    return typeof value === "string" ? value : "";
  };
  const filters: ReviewFilters = { ...DEFAULT_FILTERS };
  if (isAnnotationStatus(one("status"))) filters.status = one("status") as AnnotationStatus;
  if (isLabel(one("label"))) filters.label = one("label") as Label;
  for (const key of OPTIONAL_KEYS) filters[key] = one(key).slice(0, 100);
  return filters;
}

/** The query string for the filters (defaults left out), without "?". */
export function filtersToQuery(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.label) params.set("label", filters.label);
  for (const key of OPTIONAL_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params.toString();
}

/** GET …/review-queue for these filters: a page of `limit` after `cursor`. */
export function reviewQueueUrl(projectId: string, filters: ReviewFilters, limit: number, cursor?: string | null): string {
  const params = new URLSearchParams({ status: filters.status, limit: String(limit) });
  if (filters.label) params.set("label", filters.label);
  for (const key of OPTIONAL_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/review-queue?${params}`;
}

/** Would the server's queue, with these filters, hold this annotation? */
export function matchesFilters(
  annotation: Pick<AnnotationView, "status" | "label" | "speakerId" | "documentId" | "author">,
  filters: ReviewFilters,
): boolean {
  return (
    annotation.status === filters.status &&
    (!filters.label || annotation.label === filters.label) &&
    (!filters.speakerId || annotation.speakerId === filters.speakerId) &&
    (!filters.documentId || annotation.documentId === filters.documentId) &&
    (!filters.author || annotation.author.id === filters.author)
  );
}

/**
 * The sentence around a span that moved, cut from the text already shown (the old context, span
 * and context are one stretch of the article). A span that left that stretch gets no context
 * rather than a wrong one. Offsets are code points, as the API counts them.
 */
export function movedContext(item: ReviewItem, start: number, end: number): ReviewItem["context"] {
  if (start === item.start && end === item.end) return item.context;
  const before = Array.from(item.context.before);
  const stretch = [...before, ...Array.from(item.exact), ...Array.from(item.context.after)];
  const from = before.length + (start - item.start);
  const to = before.length + (end - item.start);
  if (from < 0 || to > stretch.length || from > to) return { before: "", after: "" };
  return { before: stretch.slice(0, from).join(""), after: stretch.slice(to).join("") };
}

/**
 * An item after a change to its annotation (the API's view of it): the new fields, the context cut
 * again if the span moved, and no attribution hint once the speaker changed (it was about the old one).
 */
export function changedItem(item: ReviewItem, view: AnnotationView): ReviewItem {
  return {
    ...item,
    ...view,
    documentTitle: item.documentTitle,
    context: movedContext(item, view.start, view.end),
    attributionHint: view.speakerId === item.speakerId ? item.attributionHint : null,
  };
}

export interface QueueState {
  items: ReviewItem[];
  nextCursor: string | null;
  /** How many annotations match the filters now (loaded or not). */
  total: number;
  /** Annotations this reviewer reviewed out of the queue since the filters were last set. */
  reviewed: number;
  selectedId: string | null;
}

export type QueueAction =
  /** A first page, for new filters: progress starts again. */
  | { type: "reset"; page: ReviewQueuePage }
  /** The first page again after a bulk change: progress is kept. */
  | { type: "reload"; page: ReviewQueuePage }
  /** The next page. */
  | { type: "append"; page: ReviewQueuePage }
  /** An annotation no longer in the queue; `mine` when this reviewer's review took it out. */
  | { type: "left"; id: string; mine: boolean }
  /** An annotation taken out of the queue ahead of a request that then failed: back where it was. */
  | { type: "restore"; item: ReviewItem; index: number; mine: boolean }
  /** The API's view of a changed annotation: updated in place, or out if the filters no longer hold it. */
  | { type: "changed"; view: AnnotationView; filters: ReviewFilters }
  /** A document deleted: its annotations leave. */
  | { type: "document-deleted"; documentId: string }
  | { type: "speaker-renamed"; speaker: { id: string; name: string } }
  | { type: "select"; id: string };

export function initialQueue(page: ReviewQueuePage): QueueState {
  return { items: page.items, nextCursor: page.nextCursor, total: page.total, reviewed: 0, selectedId: page.items[0]?.id ?? null };
}

/** After items leave, the selection stays at the same place in the list (the next item moves up). */
function keepSelection(state: QueueState, items: ReviewItem[]): string | null {
  if (state.selectedId !== null && items.some((item) => item.id === state.selectedId)) return state.selectedId;
  const was = state.items.findIndex((item) => item.id === state.selectedId);
  const kept = state.items.slice(Math.max(0, was)).find((item) => items.includes(item));
  return kept?.id ?? items.at(-1)?.id ?? null;
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case "reset":
      return initialQueue(action.page);
    case "reload":
      return { ...initialQueue(action.page), reviewed: state.reviewed };
    case "append": {
      const known = new Set(state.items.map((item) => item.id));
      const items = [...state.items, ...action.page.items.filter((item) => !known.has(item.id))];
      return {
        ...state,
        items,
        nextCursor: action.page.nextCursor,
        total: action.page.total,
        selectedId: state.selectedId ?? items[0]?.id ?? null,
      };
    }
    case "left": {
      const items = state.items.filter((item) => item.id !== action.id);
      const present = items.length < state.items.length;
      // One that was not loaded counts only when it is known to have matched: the reviewer's own.
      if (!present && !action.mine) return state;
      return {
        ...state,
        items,
        total: Math.max(0, state.total - 1),
        reviewed: state.reviewed + (action.mine ? 1 : 0),
        selectedId: keepSelection(state, items),
      };
    }
    case "restore": {
      if (state.items.some((item) => item.id === action.item.id)) return state;
      const items = [...state.items];
      items.splice(Math.min(action.index, items.length), 0, action.item);
      return {
        ...state,
        items,
        total: state.total + 1,
        reviewed: Math.max(0, state.reviewed - (action.mine ? 1 : 0)),
        selectedId: action.item.id,
      };
    }
    case "changed": {
      const index = state.items.findIndex((item) => item.id === action.view.id);
      if (index < 0) return state;
      if (!matchesFilters(action.view, action.filters)) return queueReducer(state, { type: "left", id: action.view.id, mine: false });
      const items = [...state.items];
      items[index] = changedItem(state.items[index] as ReviewItem, action.view);
      return { ...state, items };
    }
    case "document-deleted": {
      const items = state.items.filter((item) => item.documentId !== action.documentId);
      if (items.length === state.items.length) return state;
      return {
        ...state,
        items,
        total: Math.max(0, state.total - (state.items.length - items.length)),
        selectedId: keepSelection(state, items),
      };
    }
    case "speaker-renamed": {
      if (!state.items.some((item) => item.speakerId === action.speaker.id)) return state;
      const items = state.items.map((item) =>
        item.speakerId === action.speaker.id ? { ...item, speaker: { id: action.speaker.id, name: action.speaker.name } } : item,
      );
      return { ...state, items };
    }
    case "select":
      return state.items.some((item) => item.id === action.id) ? { ...state, selectedId: action.id } : state;
  }
}

/** The annotation itself, without what the queue adds (title, context, hint). */
export function annotationOf(item: ReviewItem): AnnotationView {
  const { documentTitle: _title, context: _context, attributionHint: _hint, ...annotation } = item;
  return annotation;
}
