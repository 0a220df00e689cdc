// Streams a project export from the database: one read-only REPEATABLE READ transaction (so the
// file is one consistent snapshot), server-side cursors fetched in batches, and a pull-based
// ReadableStream so memory stays flat whatever the project's size and a slow client slows the reads.

import type pg from "pg";
import { ANNOTATION_COLUMNS, annotationJoins, toAnnotationView, type AnnotationRow } from "../annotations/annotation-view";
import { pool } from "../db/client";
import type { AnnotationFilter } from "../validation/schemas";
import type { Chunk, ExportAnnotation, ExportDocument, ExportFormat, ExportMeta, ExportSpeaker } from "./export-types";

const ANNOTATION_BATCH = 5000;
const DOCUMENT_BATCH = 20;
/** Flush encoded output once this many characters are pending. */
const FLUSH_AT = 256 * 1024;

interface FilterSql {
  where: string;
  params: unknown[];
}

/** WHERE clause over annotations `a` for the export filters; $1 is the project id. */
function annotationFilterSql(projectId: string, filter: AnnotationFilter): FilterSql {
  const params: unknown[] = [projectId];
  const clauses = ["a.project_id = $1"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.documentId) add("a.document_id = ?", filter.documentId);
  if (filter.label) add(`a.label = ?::"Label"`, filter.label);
  if (filter.speakerId) add("a.speaker_id = ?", filter.speakerId);
  if (filter.status) add(`a.status = ?::"AnnotationStatus"`, filter.status);
  if (filter.author) add("a.author_id = ?", filter.author);
  return { where: clauses.join(" AND "), params };
}

interface DocumentRow {
  id: string;
  title: string;
  source_url: string | null;
  published_at: Date | null;
  text?: string;
  length: number;
}

function toExportDocument(row: DocumentRow): ExportDocument {
  return {
    id: row.id,
    title: row.title,
    sourceUrl: row.source_url,
    publishedAt: row.published_at?.toISOString() ?? null,
    text: row.text,
    length: row.length,
  };
}

async function readSpeakers(client: pg.PoolClient, projectId: string): Promise<ExportSpeaker[]> {
  const { rows } = await client.query<ExportSpeaker & { aliases: string[] | null }>(
    `SELECT id, name, aliases, kind::text AS kind, description FROM speakers WHERE project_id = $1 ORDER BY name_key, id`,
    [projectId],
  );
  return rows.map((row) => ({ ...row, aliases: row.aliases ?? [] }));
}

export interface ExportOptions {
  projectId: string;
  projectName: string;
  /** Origin of the server, for formats that write resolvable IRIs. */
  baseUrl?: string;
  format: ExportFormat;
  filter: AnnotationFilter;
  /** Called once the database connection is released (tests, metrics). */
  onDone?: (error?: unknown) => void;
}

/** Runs the export as an async sequence of output chunks. */
async function* produce(client: pg.PoolClient, options: ExportOptions): AsyncGenerator<Chunk> {
  const { projectId, format, filter } = options;
  const writer = format.createWriter();
  const meta: ExportMeta = {
    project: { id: projectId, name: options.projectName },
    exportedAt: new Date().toISOString(),
    filter,
    baseUrl: options.baseUrl,
  };
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const speakers = format.needsSpeakers ? await readSpeakers(client, projectId) : [];
  yield writer.begin(meta, speakers);

  const annotationFilter = annotationFilterSql(projectId, filter);
  const withTitle = format.shape === "annotations" ? ", d.title AS document_title" : "";
  const titleJoin = format.shape === "annotations" ? " JOIN documents d ON d.id = a.document_id" : "";
  await client.query(
    `DECLARE export_annotations NO SCROLL CURSOR FOR
     SELECT ${ANNOTATION_COLUMNS}${withTitle} FROM ${annotationJoins()}${titleJoin}
      WHERE ${annotationFilter.where}
      ORDER BY a.document_id, a.start, a."end", a.id`,
    annotationFilter.params,
  );

  let batch: (AnnotationRow & { document_title?: string })[] = [];
  let position = 0;
  let exhausted = false;
  const nextAnnotation = async (): Promise<(AnnotationRow & { document_title?: string }) | null> => {
    if (position >= batch.length) {
      if (exhausted) return null;
      batch = (await client.query(`FETCH ${ANNOTATION_BATCH} FROM export_annotations`)).rows;
      position = 0;
      if (batch.length < ANNOTATION_BATCH) exhausted = true;
      if (batch.length === 0) return null;
    }
    return batch[position++] ?? null;
  };
  const peek = async () => {
    const row = await nextAnnotation();
    if (row) position--;
    return row;
  };

  if (format.shape === "annotations") {
    const titleOnly: ExportDocument = { id: "", title: "", sourceUrl: null, publishedAt: null, length: 0 };
    for (let row = await nextAnnotation(); row; row = await nextAnnotation()) {
      const annotation: ExportAnnotation = { ...toAnnotationView(row), documentTitle: row.document_title ?? "" };
      titleOnly.id = annotation.documentId;
      titleOnly.title = annotation.documentTitle;
      yield writer.annotation(annotation, titleOnly);
    }
  } else {
    const docParams: unknown[] = [projectId];
    let docWhere = "project_id = $1";
    if (filter.documentId) {
      docParams.push(filter.documentId);
      docWhere += " AND id = $2";
    }
    await client.query(
      `DECLARE export_documents NO SCROLL CURSOR FOR
       SELECT id, title, source_url, published_at, text, length FROM documents WHERE ${docWhere} ORDER BY id`,
      docParams,
    );
    for (;;) {
      const documents = (await client.query<DocumentRow>(`FETCH ${DOCUMENT_BATCH} FROM export_documents`)).rows;
      if (documents.length === 0) break;
      for (const row of documents) {
        const document = toExportDocument(row);
        yield writer.document(document);
        // Both cursors are ordered by document id: take this document's annotations.
        for (let next = await peek(); next && next.document_id === document.id; next = await peek()) {
          position++;
          yield writer.annotation({ ...toAnnotationView(next), documentTitle: document.title }, document);
        }
        yield writer.endDocument(document);
      }
    }
  }
  yield writer.end(speakers);
  await client.query("COMMIT");
}

/** The export as a byte stream; the pooled connection is released when it ends or is cancelled. */
export function exportStream(options: ExportOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let client: pg.PoolClient | undefined;
  let chunks: AsyncGenerator<Chunk> | undefined;
  let finished = false;

  const release = async (error?: unknown) => {
    if (finished) return;
    finished = true;
    if (client) {
      if (error) await client.query("ROLLBACK").catch(() => undefined);
      client.release(error instanceof Error ? error : undefined);
    }
    options.onDone?.(error);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!client) {
            client = await pool().connect();
            chunks = produce(client, options);
          }
          let pending = "";
          for (;;) {
            const { done, value } = await (chunks as AsyncGenerator<Chunk>).next();
            if (done) {
              if (pending) controller.enqueue(encoder.encode(pending));
              controller.close();
              await release();
              return;
            }
            if (typeof value === "string") {
              pending += value;
              if (pending.length >= FLUSH_AT) {
                controller.enqueue(encoder.encode(pending));
                return;
              }
            } else {
              if (pending) controller.enqueue(encoder.encode(pending));
              pending = "";
              if (value.byteLength > 0) {
                controller.enqueue(value);
                return;
              }
            }
          }
        } catch (error) {
          console.error("[sourcemark] export failed:", error);
          await release(error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks?.return(undefined).catch(() => undefined);
        await release(new Error("export cancelled by the client"));
      },
    },
    { highWaterMark: 1 },
  );
}

export { annotationFilterSql };
