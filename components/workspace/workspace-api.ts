// The workspace's calls to the v1 API (annotations, speakers and suggestions), and what to tell the
// user when one fails.

import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { Label, QuoteKind, AnnotationStatus } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { AcceptSuggestionInput, SuggestionView } from "@/lib/suggestions/suggestions";
import { api, ApiRequestError } from "@/components/ui/api-client";

export interface NewAnnotation {
  label: Label;
  start: number;
  end: number;
  exact: string;
  speakerId: string | null;
  quoteKind: QuoteKind | null;
  note?: string | null;
}

export interface AnnotationChanges {
  label?: Label;
  speakerId?: string | null;
  quoteKind?: QuoteKind | null;
  note?: string | null;
  status?: AnnotationStatus;
}

export const workspaceApi = {
  createAnnotation: (documentId: string, body: NewAnnotation) =>
    api<AnnotationView>(`/api/v1/documents/${documentId}/annotations`, { method: "POST", json: body }),
  updateAnnotation: (id: string, version: number, changes: AnnotationChanges) =>
    api<AnnotationView>(`/api/v1/annotations/${id}`, { method: "PATCH", json: { version, ...changes } }),
  deleteAnnotation: (id: string) => api<void>(`/api/v1/annotations/${id}`, { method: "DELETE" }),
  restoreAnnotation: (id: string) => api<AnnotationView>(`/api/v1/annotations/${id}/restore`, { method: "POST" }),
  /**
   * The project's speaker with this name (ignoring case and spacing), created if there is none —
   * atomically on the server, so two people creating one name at once get the same speaker.
   */
  ensureSpeaker: (projectId: string, name: string) =>
    api<SpeakerView>(`/api/v1/projects/${projectId}/speakers?existing=return`, { method: "POST", json: { name } }),
  getSpeaker: (id: string) => api<SpeakerView>(`/api/v1/speakers/${id}`),
  /** Computes the document's suggestions anew: the pending ones, by position. */
  computeSuggestions: (documentId: string) =>
    api<{ suggestions: SuggestionView[] }>(`/api/v1/documents/${documentId}/suggestions`, { method: "POST" }),
  /** The annotation the suggestion becomes, with the corrections given. */
  acceptSuggestion: (id: string, corrections: AcceptSuggestionInput) =>
    api<AnnotationView>(`/api/v1/suggestions/${id}/accept`, { method: "POST", json: corrections }),
  dismissSuggestion: (id: string) => api<void>(`/api/v1/suggestions/${id}/dismiss`, { method: "POST" }),
};

/** The API's message, or that the server could not be reached. */
export function failureMessage(error: unknown): string {
  return error instanceof ApiRequestError ? error.message : "network error (the server could not be reached).";
}
