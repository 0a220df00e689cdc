// The document as the API shows it — whole (text included) and as a summary — with the SQL that
// builds each as JSON. Apart from documents.ts, which writes documents, so that readers of these
// projections (search, the export worker through search's filters) do not load the writers and
// what they bring (suggestions for new documents, and the NLP library those use).

import { z } from "zod";
import { isoTimestampSql } from "../annotations/annotation-view";
import { inVisibleLayerSql } from "../annotations/annotation-visibility";

export const documentViewSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  text: z.string(),
  /** Code points. */
  length: z.int(),
  sourceUrl: z.string().nullable(),
  /** Who wrote it, as the article says. */
  byline: z.string().nullable(),
  /** The language it is written in, a BCP 47 tag ("en", "pt-BR"); null when not known. */
  language: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

export const documentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  length: z.int(),
  annotationCount: z.int(),
  createdAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** The document view as JSON, from documents `d`. */
export const DOCUMENT_VIEW_SQL = `json_build_object(
  'id', d.id, 'projectId', d.project_id, 'title', d.title, 'text', d.text, 'length', d.length,
  'sourceUrl', d.source_url, 'byline', d.byline, 'language', d.language, 'publishedAt', ${isoTimestampSql("d.published_at")},
  'createdAt', ${isoTimestampSql("d.created_at")})`;

/**
 * The document summary (lists, document events) as JSON, from documents `d`. Its annotationCount
 * counts the annotations of layer `layerSql` (a parameter holding layerAuthor's answer for the
 * reader: annotation-visibility.ts); NULL, as events have it, counts all.
 */
export function documentSummarySql(layerSql = "NULL"): string {
  return `json_build_object(
  'id', d.id, 'title', d.title, 'sourceUrl', d.source_url, 'publishedAt', ${isoTimestampSql("d.published_at")},
  'language', d.language, 'length', d.length,
  'annotationCount', (SELECT count(*)::int FROM annotations a WHERE a.document_id = d.id AND ${inVisibleLayerSql(layerSql)}),
  'createdAt', ${isoTimestampSql("d.created_at")})`;
}
