// The workspace's annotation collection: a reducer over annotations keyed by id (optimistic ones
// included), text-order sorting and the sidebar filters. Pure, so it is unit-tested.

import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { AnnotationStatus, Label } from "@/lib/model/vocabulary";

export interface WorkspaceAnnotation extends AnnotationView {
  /** Shown before the server confirmed it (create) — not editable yet. */
  pending?: boolean;
}

export type AnnotationsAction =
  | { type: "put"; annotation: WorkspaceAnnotation }
  | { type: "replace"; id: string; annotation: WorkspaceAnnotation }
  | { type: "remove"; id: string };

export function annotationsReducer(state: Map<string, WorkspaceAnnotation>, action: AnnotationsAction): Map<string, WorkspaceAnnotation> {
  const next = new Map(state);
  switch (action.type) {
    case "put":
      next.set(action.annotation.id, action.annotation);
      return next;
    case "replace":
      next.delete(action.id);
      next.set(action.annotation.id, action.annotation);
      return next;
    case "remove":
      next.delete(action.id);
      return next;
  }
}

/** Text order: by start, then end, then id (the API's order). */
export function byTextOrder(a: Pick<AnnotationView, "start" | "end" | "id">, b: Pick<AnnotationView, "start" | "end" | "id">): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface AnnotationFilters {
  label: Label | "";
  /** "" all, "none" without a speaker, or a speaker id. */
  speaker: string;
  author: string;
  status: AnnotationStatus | "";
}

export const NO_FILTERS: AnnotationFilters = { label: "", speaker: "", author: "", status: "" };

export function matchesFilters(annotation: WorkspaceAnnotation, filters: AnnotationFilters): boolean {
  if (filters.label && annotation.label !== filters.label) return false;
  if (filters.speaker === "none" ? annotation.speakerId !== null : filters.speaker && annotation.speakerId !== filters.speaker)
    return false;
  if (filters.author && annotation.author.id !== filters.author) return false;
  if (filters.status && annotation.status !== filters.status) return false;
  return true;
}

/** Up to `max` characters of an annotation's text for the sidebar, whole code points. */
export function snippet(text: string, max = 120): string {
  const points = Array.from(text.replace(/\s+/g, " "));
  return points.length <= max ? points.join("") : `${points.slice(0, max - 1).join("")}…`;
}
