// The workspace's calls to the v1 API (annotations and speakers).

import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { Label, QuoteKind, AnnotationStatus } from "@/lib/model/vocabulary";
import { api } from "@/components/ui/api-client";
import type { SpeakerOption } from "./speaker-options";

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
  createSpeaker: (projectId: string, name: string) =>
    api<SpeakerOption>(`/api/v1/projects/${projectId}/speakers`, { method: "POST", json: { name } }),
  findSpeakers: (projectId: string, q: string) =>
    api<{ speakers: SpeakerOption[] }>(`/api/v1/projects/${projectId}/speakers?q=${encodeURIComponent(q)}`),
};
