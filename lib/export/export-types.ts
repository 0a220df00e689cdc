// What an export carries, format-independent. A format is a writer fed these records in order:
// begin → (document → annotation* → endDocument)* → end. Pure: no database, no I/O.

import type { AnnotationView } from "../annotations/annotation-view";
import type { CommentView } from "../comments/comment-view";
import type { ExportFilter, CellMode } from "../validation/schemas";

export interface ExportMeta {
  project: { id: string; name: string };
  exportedAt: string;
  filter: ExportFilter;
  /** Origin of the server (e.g. "https://sourcemark.example.org"), for resolvable IRIs. */
  baseUrl?: string;
  /** csv: cells protected against formulas (the default) or written as they are. */
  cells?: CellMode;
}

export interface ExportDocument {
  id: string;
  title: string;
  sourceUrl: string | null;
  publishedAt: string | null;
  /** Who wrote it, as the article says (read by formats that name it). */
  byline?: string | null;
  /** The language it is written in (BCP 47), when known. */
  language?: string | null;
  /** Absent when the format does not need texts (flat formats skip reading them). */
  text?: string;
  length: number;
}

export interface ExportAnnotation extends AnnotationView {
  documentTitle: string;
  /** Its document's language (BCP 47), when known: for formats that get no documents (w3c). */
  documentLanguage?: string | null;
  /** The cue's text, text[cueStart:cueEnd], when it has a cue: for formats that get no documents (w3c). */
  cueExact?: string | null;
  /** Its discussion: the count for formats with `comments: "count"`, the thread for "thread". */
  commentCount?: number;
  comments?: CommentView[];
}

export interface ExportSpeaker {
  id: string;
  name: string;
  aliases: string[];
  kind: "person" | "organization";
  description: string | null;
}

export type Chunk = string | Uint8Array;

export interface ExportWriter {
  /** `speakers` is empty unless the format sets needsSpeakers. */
  begin(meta: ExportMeta, speakers: ExportSpeaker[]): Chunk;
  document(document: ExportDocument): Chunk;
  annotation(annotation: ExportAnnotation, document: ExportDocument): Chunk;
  endDocument(document: ExportDocument): Chunk;
  end(speakers: ExportSpeaker[]): Chunk;
}

/** A format's writer and what it needs read (its name, media type and extension are in lib/formats/catalog.ts). */
export interface ExportFormat {
  /**
   * "documents": the writer gets every document (with its text) and its annotations nested;
   * "annotations": only annotations arrive, each with its document's id and title.
   */
  shape: "documents" | "annotations";
  /** Whether the writer needs speakers at `end` (they are read up front, in the same snapshot). */
  needsSpeakers: boolean;
  /** What each annotation brings of its comments: nothing, their number, or the thread (oldest first). */
  comments: "none" | "count" | "thread";
  createWriter(): ExportWriter;
}
