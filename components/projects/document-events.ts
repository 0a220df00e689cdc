// How a project's live changes move its documents table: a document imported or deleted by anyone
// appears or disappears, and annotation counts follow annotations created, restored and deleted.
// Pure, so it is unit-tested.

import type { DocumentSummary } from "@/lib/documents/document-view";
import type { LiveEvent } from "./use-project-events";

function recount(documents: DocumentSummary[], documentId: string | null, delta: number): DocumentSummary[] {
  if (!documents.some((d) => d.id === documentId)) return documents;
  return documents.map((d) => (d.id === documentId ? { ...d, annotationCount: Math.max(0, d.annotationCount + delta) } : d));
}

/** The documents after a change; the same array when the change does not concern them. */
export function documentsAfter(documents: DocumentSummary[], event: LiveEvent): DocumentSummary[] {
  switch (event.kind) {
    case "document.created":
      // The table is oldest first, as the page lists them: a new one goes last.
      return documents.some((d) => d.id === event.data.id) ? documents : [...documents, event.data];
    case "document.updated":
      // Its metadata changed (the language); its count moves with annotation events.
      return documents.some((d) => d.id === event.data.id)
        ? documents.map((d) => (d.id === event.data.id ? { ...event.data, annotationCount: d.annotationCount } : d))
        : documents;
    case "document.deleted":
      return documents.some((d) => d.id === event.data.id) ? documents.filter((d) => d.id !== event.data.id) : documents;
    case "annotation.created":
    case "annotation.restored":
      return recount(documents, event.data.documentId, 1);
    case "annotation.deleted":
      return recount(documents, event.data.documentId, -1);
    default:
      return documents;
  }
}
