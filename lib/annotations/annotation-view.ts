// The API's annotation object (API.md) and the SQL that reads it, shared by every annotation route.

export type Label = "claim" | "quote";
export type QuoteKind = "direct" | "indirect" | "mixed";
export type AnnotationStatus = "pending" | "accepted" | "rejected";

export interface AnnotationView {
  id: string;
  documentId: string;
  label: Label;
  quoteKind: QuoteKind | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  speakerId: string | null;
  speaker: { id: string; name: string } | null;
  note: string | null;
  status: AnnotationStatus;
  author: { id: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AnnotationRow {
  id: string;
  document_id: string;
  label: Label;
  quote_kind: QuoteKind | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  speaker_id: string | null;
  speaker_name: string | null;
  note: string | null;
  status: AnnotationStatus;
  author_id: string;
  author_name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Columns of AnnotationRow, reading annotation `a`, speaker `s` and author `u`. */
export const ANNOTATION_COLUMNS = `
  a.id, a.document_id, a.label::text AS label, a.quote_kind::text AS quote_kind, a.start, a."end",
  a.exact, a.prefix, a.suffix, a.speaker_id, s.name AS speaker_name, a.note, a.status::text AS status,
  a.author_id, u.name AS author_name, a.version, a.created_at, a.updated_at`;

/** FROM clause joining an annotation source aliased `a` to its speaker and author. */
export function annotationJoins(source = "annotations"): string {
  return `${source} a LEFT JOIN speakers s ON s.id = a.speaker_id JOIN users u ON u.id = a.author_id`;
}

export function toAnnotationView(row: AnnotationRow): AnnotationView {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    quoteKind: row.quote_kind,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    speakerId: row.speaker_id,
    speaker: row.speaker_id ? { id: row.speaker_id, name: row.speaker_name ?? "" } : null,
    note: row.note,
    status: row.status,
    author: { id: row.author_id, name: row.author_name },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
