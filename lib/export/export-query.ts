// What an export reads, inside one read-only REPEATABLE READ transaction (one consistent snapshot):
// the speakers, a server-side cursor over the filtered annotations (ordered by document, then
// position) and one over the documents (by id), each fetched in batches. Annotations are read
// through the one projection of annotation-view.ts, as its columns (annotationViewColumns): the
// view is built here from each row as the writer asks for it.

import type pg from "pg";
import { annotationJoins, annotationViewColumns, type AnnotationViewColumns } from "../annotations/annotation-view";
import type { ExportFilter } from "../validation/schemas";
import { COMMENT_VIEW_SQL, commentJoins } from "../comments/comment-view";
import { annotationMatchSql } from "../search/annotation-match";
import type { ExportAnnotation, ExportDocument, ExportFormat, ExportSpeaker } from "./export-types";

const ANNOTATION_BATCH = 2000;
const DOCUMENT_BATCH = 20;

/** The document id (to merge with the documents cursor), then the view's columns (annotationViewColumns). */
type AnnotationRow = [documentId: string, ...columns: unknown[]];

interface DocumentRow {
  id: string;
  title: string;
  source_url: string | null;
  published_at: Date | null;
  byline: string | null;
  language: string | null;
  text: string;
  length: number;
}

/** What each annotation brings of its document, for formats that read no documents (w3c). */
export const DOCUMENT_FIELDS = {
  documentTitle: "d.title",
  documentLanguage: "d.language",
  // substr counts characters, code points in UTF-8: text[cueStart:cueEnd].
  cueExact: "CASE WHEN a.cue_start IS NULL THEN NULL ELSE substr(d.text, a.cue_start + 1, a.cue_end - a.cue_start) END",
} as const;

/**
 * The comments an annotation brings into the export, by what its format asks. The subqueries'
 * own aliases (c, u) hide the outer query's author `u` inside them.
 */
export const COMMENT_FIELDS: Record<ExportFormat["comments"], Record<string, string>> = {
  none: {},
  count: { commentCount: "(SELECT count(*)::int FROM comments c WHERE c.annotation_id = a.id)" },
  thread: {
    comments: `COALESCE((SELECT json_agg(${COMMENT_VIEW_SQL} ORDER BY c.created_at, c.id) FROM ${commentJoins()} WHERE c.annotation_id = a.id), '[]'::json)`,
  },
};

export class ExportQuery {
  private batch: AnnotationRow[] = [];
  /** The batch after `batch`, asked for as soon as `batch` arrived. */
  private following: Promise<AnnotationRow[]> | null = null;
  private position = 0;
  private exhausted = false;
  private readonly view: AnnotationViewColumns;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly projectId: string,
    private readonly filter: ExportFilter,
    comments: ExportFormat["comments"] = "none",
  ) {
    this.view = annotationViewColumns({ ...DOCUMENT_FIELDS, ...COMMENT_FIELDS[comments] });
  }

  /** Opens the snapshot and the annotations cursor. */
  async open(): Promise<void> {
    // The search terms find their speakers before the snapshot opens: the names a query means.
    const where = await annotationMatchSql(this.client, this.projectId, this.filter);
    await this.client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await this.client.query(
      `DECLARE export_annotations NO SCROLL CURSOR FOR
       SELECT a.document_id, ${this.view.sql}
         FROM ${annotationJoins()} JOIN documents d ON d.id = a.document_id
        WHERE ${where.where}${this.filter.layer === "curated" ? " AND a.curated" : ""}
        ORDER BY a.document_id, a.start, a."end", a.id`,
      where.params,
    );
  }

  async speakers(): Promise<ExportSpeaker[]> {
    const { rows } = await this.client.query<ExportSpeaker & { aliases: string[] | null }>(
      `SELECT id, name, aliases, kind::text AS kind, description FROM speakers WHERE project_id = $1 ORDER BY name_key, id`,
      [this.projectId],
    );
    return rows.map((row) => ({ ...row, aliases: row.aliases ?? [] }));
  }

  private async fetchBatch(): Promise<AnnotationRow[]> {
    const { rows } = await this.client.query<AnnotationRow>({
      text: `FETCH ${ANNOTATION_BATCH} FROM export_annotations`,
      rowMode: "array",
    });
    return rows;
  }

  private async row(): Promise<AnnotationRow | null> {
    if (this.position >= this.batch.length) {
      if (this.exhausted) return null;
      this.batch = await (this.following ?? this.fetchBatch());
      this.following = null;
      this.position = 0;
      if (this.batch.length < ANNOTATION_BATCH) this.exhausted = true;
      else {
        // PostgreSQL builds the next batch's views while this one is written: the export waited for
        // it (idle most of the time in a profile) with nothing to do in between. A batch never read
        // (the client went away) must not leave an unhandled rejection behind.
        this.following = this.fetchBatch();
        this.following.catch(() => undefined);
      }
      if (this.batch.length === 0) return null;
    }
    return this.batch[this.position++] ?? null;
  }

  /** The next annotation, or null at the end. */
  async nextAnnotation(): Promise<ExportAnnotation | null> {
    const row = await this.row();
    return row ? this.view.read<ExportAnnotation>(row, 1) : null;
  }

  /** The next annotation if it belongs to `documentId` (the cursors share their order), else null. */
  async nextAnnotationOf(documentId: string): Promise<ExportAnnotation | null> {
    const row = await this.row();
    if (!row) return null;
    if (row[0] !== documentId) {
      this.position--; // not this document's: leave it for the next one
      return null;
    }
    return this.view.read<ExportAnnotation>(row, 1);
  }

  /** Opens the documents cursor (texts included): for formats that nest annotations in documents. */
  async openDocuments(): Promise<void> {
    const params: unknown[] = [this.projectId];
    let where = "project_id = $1";
    if (this.filter.documentId) {
      params.push(this.filter.documentId);
      where += " AND id = $2";
    }
    await this.client.query(
      `DECLARE export_documents NO SCROLL CURSOR FOR
       SELECT id, title, source_url, published_at, byline, language, text, length FROM documents WHERE ${where} ORDER BY id`,
      params,
    );
  }

  /** The next documents, by id; empty at the end. */
  async nextDocuments(): Promise<ExportDocument[]> {
    // A failed read of the next annotations, queued before this one on the same connection, aborts
    // the transaction: report its error, not this read's "transaction is aborted".
    await this.following;
    const { rows } = await this.client.query<DocumentRow>(`FETCH ${DOCUMENT_BATCH} FROM export_documents`);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      sourceUrl: row.source_url,
      publishedAt: row.published_at?.toISOString() ?? null,
      byline: row.byline,
      language: row.language,
      text: row.text,
      length: row.length,
    }));
  }

  async close(): Promise<void> {
    await this.client.query("COMMIT");
  }
}
