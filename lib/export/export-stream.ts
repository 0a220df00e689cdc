// Streams a project export from the database: one read-only REPEATABLE READ transaction (so the
// file is one consistent snapshot), server-side cursors fetched in batches, and a pull-based
// ReadableStream so memory stays flat whatever the project's size and a slow client slows the reads.

import { Worker } from "node:worker_threads";
import type pg from "pg";
import { annotationJoins, annotationViewSql } from "../annotations/annotation-view";
import { pool } from "../db/client";
import type { AnnotationFilter } from "../validation/schemas";
import { EXPORT_FORMATS } from "./formats";
import type { Chunk, ExportAnnotation, ExportDocument, ExportMeta, ExportSpeaker } from "./export-types";

const ANNOTATION_BATCH = 2000;
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

/**
 * The export cursor's columns: the document id (to merge with the documents cursor) and the
 * annotation view with its document's title, as JSON text — the one projection of annotation-view.ts.
 * Rows arrive as arrays of strings, so no per-row objects are built until a writer needs one.
 */
const EXPORT_COLUMNS = `a.document_id, ${annotationViewSql({ documentTitle: "d.title" })}::text`;

type ExportRow = [documentId: string, view: string];

/** Every column as the text PostgreSQL sends. */
const RAW_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

function exportAnnotation(r: ExportRow): ExportAnnotation {
  return JSON.parse(r[1]) as ExportAnnotation;
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

async function readSpeakers(client: pg.ClientBase, projectId: string): Promise<ExportSpeaker[]> {
  const { rows } = await client.query<ExportSpeaker & { aliases: string[] | null }>(
    `SELECT id, name, aliases, kind::text AS kind, description FROM speakers WHERE project_id = $1 ORDER BY name_key, id`,
    [projectId],
  );
  return rows.map((row) => ({ ...row, aliases: row.aliases ?? [] }));
}

export interface ExportOptions {
  projectId: string;
  projectName: string;
  /** A key of EXPORT_FORMATS. */
  formatId: string;
  filter: AnnotationFilter;
  /** Origin of the server, for formats that write resolvable IRIs. */
  baseUrl?: string;
}

/** Runs the export as an async sequence of output chunks. */
export async function* exportChunks(client: pg.ClientBase, options: ExportOptions): AsyncGenerator<Chunk> {
  const { projectId, filter } = options;
  const format = EXPORT_FORMATS[options.formatId];
  if (!format) throw new Error(`unknown export format ${options.formatId}`);
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
  await client.query(
    `DECLARE export_annotations NO SCROLL CURSOR FOR
     SELECT ${EXPORT_COLUMNS}
       FROM ${annotationJoins()}
       JOIN documents d ON d.id = a.document_id
      WHERE ${annotationFilter.where}
      ORDER BY a.document_id, a.start, a."end", a.id`,
    annotationFilter.params,
  );

  let batch: ExportRow[] = [];
  let position = 0;
  let exhausted = false;
  const nextAnnotation = async (): Promise<ExportRow | null> => {
    if (position >= batch.length) {
      if (exhausted) return null;
      batch = (
        await client.query<ExportRow>({ text: `FETCH ${ANNOTATION_BATCH} FROM export_annotations`, rowMode: "array", types: RAW_TYPES })
      ).rows;
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
      const annotation = exportAnnotation(row);
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
        for (let next = await peek(); next && next[0] === document.id; next = await peek()) {
          position++;
          yield writer.annotation(exportAnnotation(next), document);
        }
        yield writer.endDocument(document);
      }
    }
  }
  yield writer.end(speakers);
  await client.query("COMMIT");
}

/**
 * Gathers output into one reused byte buffer, encoding each small string as it comes, so no large
 * joined strings are built and flattened on the way out.
 */
export class OutputBuffer {
  private readonly encoder = new TextEncoder();
  private readonly buffer = new Uint8Array(FLUSH_AT + 64 * 1024);
  private used = 0;
  private readonly extra: Uint8Array[] = [];
  private extraSize = 0;

  get size(): number {
    return this.used + this.extraSize;
  }

  write(chunk: Chunk): void {
    if (typeof chunk !== "string") {
      this.spill();
      this.extra.push(chunk);
      this.extraSize += chunk.byteLength;
      return;
    }
    // A UTF-16 unit encodes to at most 3 bytes.
    if (this.used + chunk.length * 3 > this.buffer.byteLength) this.spill();
    if (chunk.length * 3 > this.buffer.byteLength) {
      const bytes = this.encoder.encode(chunk);
      this.extra.push(bytes);
      this.extraSize += bytes.byteLength;
      return;
    }
    this.used += this.encoder.encodeInto(chunk, this.buffer.subarray(this.used)).written;
  }

  private spill(): void {
    if (this.used === 0) return;
    this.extra.push(this.buffer.slice(0, this.used));
    this.extraSize += this.used;
    this.used = 0;
  }

  /** Everything written so far, as one piece (null if nothing). */
  take(): Uint8Array | null {
    this.spill();
    const parts = this.extra.splice(0);
    this.extraSize = 0;
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(Buffer.concat(parts));
  }
}

/** The next piece of output (about FLUSH_AT bytes); null when the export is complete. */
export async function nextOutput(chunks: AsyncGenerator<Chunk>, output = new OutputBuffer()): Promise<Uint8Array | null> {
  for (;;) {
    const { done, value } = await chunks.next();
    if (done) break;
    output.write(value);
    if (output.size >= FLUSH_AT) break;
  }
  return output.take();
}

/** Runs the export on a pooled connection of this thread. */
function inlineExportStream(options: ExportOptions): ReadableStream<Uint8Array> {
  let client: pg.PoolClient | undefined;
  let chunks: AsyncGenerator<Chunk> | undefined;
  let finished = false;
  const buffer = new OutputBuffer();
  const release = async (error?: unknown) => {
    if (finished) return;
    finished = true;
    if (client) {
      if (error) await client.query("ROLLBACK").catch(() => undefined);
      client.release(error instanceof Error ? error : undefined);
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!client) {
            client = await pool().connect();
            chunks = exportChunks(client, options);
          }
          const output = await nextOutput(chunks as AsyncGenerator<Chunk>, buffer);
          if (output) controller.enqueue(output);
          else {
            controller.close();
            await release();
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
    { highWaterMark: 0 },
  );
}

/**
 * Runs the export in a worker thread with its own small heap. A million-row export allocates
 * gigabytes of short-lived objects; in the server's own heap — which holds Next.js and React, and
 * from whose live size V8 sizes its next collection — that garbage piles up by hundreds of MB
 * before it is collected (measured: +300 MB for 1M rows as jsonl). In a worker it stays small, and
 * the export's CPU stays off the thread that answers requests. The worker is a bundle of
 * export-worker.ts built by `npm run build` (scripts/build-worker.mjs); flow control is
 * credit-based: the worker produces one piece per "pull".
 */
function workerExportStream(options: ExportOptions, workerFile: string): ReadableStream<Uint8Array> {
  let worker: Worker | undefined;
  let waiting: { controller: ReadableStreamDefaultController<Uint8Array>; resolve: () => void } | null = null;
  let failed: Error | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start() {
        worker = new Worker(workerFile as string, {
          workerData: options,
          // A small heap of its own: the export's garbage is collected early instead of piling up.
          resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
        });
        worker.on("message", (message: { type: "chunk"; bytes: Uint8Array } | { type: "end" } | { type: "error"; message: string }) => {
          const current = waiting;
          waiting = null;
          if (!current) return;
          if (message.type === "chunk") current.controller.enqueue(message.bytes);
          else if (message.type === "end") current.controller.close();
          else {
            failed = new Error(message.message);
            current.controller.error(failed);
          }
          current.resolve();
        });
        worker.on("error", (error) => {
          console.error("[sourcemark] export worker failed:", error);
          failed = error;
          waiting?.controller.error(error);
          waiting?.resolve();
          waiting = null;
        });
        worker.on("exit", (code) => {
          if (waiting && code !== 0) {
            waiting.controller.error(new Error(`export worker stopped (${code})`));
            waiting.resolve();
            waiting = null;
          }
        });
      },
      pull(controller) {
        if (failed) return Promise.reject(failed);
        return new Promise<void>((resolve) => {
          waiting = { controller, resolve };
          worker?.postMessage("pull");
        });
      },
      async cancel() {
        worker?.postMessage("cancel");
        await worker?.terminate();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The export as a byte stream: in a worker thread when SOURCEMARK_EXPORT_WORKER names the worker
 * bundle (the production server sets it), else on this thread (tests, `next dev`).
 */
export function exportStream(options: ExportOptions): ReadableStream<Uint8Array> {
  const workerFile = process.env.SOURCEMARK_EXPORT_WORKER;
  return workerFile ? workerExportStream(options, workerFile) : inlineExportStream(options);
}
