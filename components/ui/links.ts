// Links into the app's pages that more than one screen makes.

/** The workspace of a document, with an annotation selected and brought into view when given. */
export function workspaceHref(documentId: string, annotationId?: string | null): string {
  const base = `/documents/${encodeURIComponent(documentId)}`;
  return annotationId ? `${base}?annotation=${encodeURIComponent(annotationId)}` : base;
}
