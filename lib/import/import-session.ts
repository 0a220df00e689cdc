// One import into one project: resolves documents and speakers, checks every span against its
// document's text, and writes the good spans in batched transactions (each annotation with its
// history row). A bad record is reported and nothing of it is written; good records are kept.

import type pg from "pg";
import { can, type Role } from "../auth/roles";
import { pool } from "../db/client";
import { withTransaction } from "../db/transaction";
import { documentTextIndex } from "../documents/document-text";
import { prepareDocumentText } from "../documents/documents";
import { ApiError } from "../http/api-error";
import type { AnnotationStatus, AnnotationView } from "../annotations/annotation-view";
import { resolveQuoteKind, resolveSpan } from "../annotations/span-rules";
import { speakerNameKey } from "../speakers/speaker-name";
import type { CodePointIndex } from "../text/code-points";
import { type ImportReport, type ImportSpan, type ImportSpeaker, emptyReport, reportError } from "./import-record";

const BATCH = 1000;
const LABELS = new Set(["claim", "quote"]);
const STATUSES = new Set(["pending", "accepted", "rejected"]);
const KINDS = new Set(["direct", "indirect", "mixed"]);
const MAX_NOTE = 10_000;

/** A checked span, ready to insert; `ref` says where it came from. */
type Row = Pick<AnnotationView, "documentId" | "label" | "quoteKind" | "start" | "end" | "exact" | "prefix" | "suffix" | "speakerId" | "note" | "status"> & {
  ref: string;
};

export interface ImportDocumentInput {
  ref: string;
  title: unknown;
  text: unknown;
  sourceUrl?: unknown;
  publishedAt?: unknown;
}

export class ImportSession {
  readonly report: ImportReport;
  private readonly mayReview: boolean;
  private speakersByKey: Map<string, string> | null = null;
  private documentsById: Map<string, string> | null = null;
  private documentsByTitle: Map<string, string[]> | null = null;
  private readonly indexes = new Map<string, CodePointIndex>();
  private pending: Row[] = [];

  constructor(
    private readonly projectId: string,
    private readonly actorId: string,
    role: Role,
    format: ImportReport["format"],
  ) {
    this.report = emptyReport(format);
    this.mayReview = can(role, "annotation.review");
  }

  private async loadSpeakers(): Promise<Map<string, string>> {
    if (this.speakersByKey) return this.speakersByKey;
    const { rows } = await pool().query<{ id: string; name_key: string; aliases: string[] | null }>(
      "SELECT id, name_key, aliases FROM speakers WHERE project_id = $1 ORDER BY created_at",
      [this.projectId],
    );
    const map = new Map<string, string>();
    for (const row of rows) map.set(row.name_key, row.id);
    // Names win over aliases: aliases only fill keys no name has.
    for (const row of rows) for (const alias of row.aliases ?? []) if (!map.has(speakerNameKey(alias))) map.set(speakerNameKey(alias), row.id);
    this.speakersByKey = map;
    return map;
  }

  /** The project's speaker with this name or alias, created (with its details) when there is none. */
  private async speakerId(speaker: ImportSpeaker): Promise<string> {
    const map = await this.loadSpeakers();
    const key = speakerNameKey(speaker.name);
    const known = map.get(key) ?? speaker.aliases?.map((a) => map.get(speakerNameKey(a))).find(Boolean);
    if (known) {
      this.report.speakers.matched++;
      map.set(key, known);
      return known;
    }
    const name = speaker.name.trim().replace(/\s+/g, " ");
    const aliases = [...new Set((speaker.aliases ?? []).map((a) => a.trim()).filter((a) => a && speakerNameKey(a) !== key))];
    const { rows } = await pool().query<{ id: string }>(
      `INSERT INTO speakers (project_id, name, name_key, aliases, kind, description)
       VALUES ($1, $2, $3, $4, $5::"SpeakerKind", $6)
       ON CONFLICT (project_id, name_key) DO UPDATE SET name_key = EXCLUDED.name_key
       RETURNING id, (xmax = 0) AS inserted`,
      [this.projectId, name, key, aliases, speaker.kind ?? "person", speaker.description ?? null],
    );
    const id = (rows[0] as { id: string; inserted?: boolean }).id;
    if ((rows[0] as { inserted?: boolean }).inserted) this.report.speakers.created++;
    else this.report.speakers.matched++;
    map.set(key, id);
    for (const alias of aliases) if (!map.has(speakerNameKey(alias))) map.set(speakerNameKey(alias), id);
    return id;
  }

  private async loadDocuments(): Promise<void> {
    if (this.documentsById) return;
    const { rows } = await pool().query<{ id: string; title: string }>(
      "SELECT id, title FROM documents WHERE project_id = $1",
      [this.projectId],
    );
    this.documentsById = new Map(rows.map((r) => [r.id, r.title]));
    this.documentsByTitle = new Map();
    for (const r of rows) {
      const list = this.documentsByTitle.get(r.title) ?? [];
      list.push(r.id);
      this.documentsByTitle.set(r.title, list);
    }
  }

  /** Creates a document of the project from an import; null (and a reported error) if it is invalid. */
  async createDocument(input: ImportDocumentInput): Promise<string | null> {
    const title = typeof input.title === "string" ? input.title.trim() : "";
    if (!title || title.length > 1000) return this.failDocument(input.ref, "title must be a non-empty string of at most 1000 characters");
    if (typeof input.text !== "string" || input.text.length === 0) return this.failDocument(input.ref, "text must be a non-empty string");
    let prepared: { text: string; length: number };
    try {
      prepared = prepareDocumentText(input.text);
    } catch (error) {
      return this.failDocument(input.ref, error instanceof ApiError ? error.message : "text cannot be stored");
    }
    const sourceUrl = typeof input.sourceUrl === "string" && /^https?:\/\//i.test(input.sourceUrl) ? input.sourceUrl : null;
    const publishedAt = typeof input.publishedAt === "string" && !Number.isNaN(Date.parse(input.publishedAt)) ? new Date(input.publishedAt) : null;
    const { rows } = await pool().query<{ id: string }>(
      `INSERT INTO documents (project_id, title, text, length, source_url, published_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [this.projectId, title, prepared.text, prepared.length, sourceUrl, publishedAt],
    );
    const id = (rows[0] as { id: string }).id;
    this.report.documents.created++;
    await this.loadDocuments();
    this.documentsById?.set(id, title);
    return id;
  }

  /** Reports a document that cannot be imported. */
  rejectDocument(ref: string, reason: string): null {
    return this.failDocument(ref, reason);
  }

  private failDocument(ref: string, reason: string): null {
    this.report.documents.failed++;
    reportError(this.report, ref, reason);
    return null;
  }

  private fail(ref: string, reason: string): void {
    this.report.annotations.failed++;
    reportError(this.report, ref, reason);
  }

  /** Counts a span as failed because its document could not be imported. */
  skip(ref: string, reason: string): void {
    this.fail(ref, reason);
  }

  private async documentFor(span: ImportSpan): Promise<string | { error: string }> {
    if (span.document.created) return span.document.created;
    await this.loadDocuments();
    const id = span.document.id;
    if (typeof id === "string" && this.documentsById?.has(id)) return id;
    const title = span.document.title;
    if (typeof title === "string") {
      const matches = this.documentsByTitle?.get(title) ?? [];
      if (matches.length === 1) return matches[0] as string;
      if (matches.length > 1) return { error: `${matches.length} documents of this project are titled "${title}"; give documentId` };
    }
    return { error: "no document of this project has this documentId or documentTitle" };
  }

  private async indexOf(documentId: string): Promise<CodePointIndex> {
    let index = this.indexes.get(documentId);
    if (!index) {
      index = (await documentTextIndex(documentId)) as CodePointIndex;
      this.indexes.set(documentId, index);
    }
    return index;
  }

  /** Checks one span; queues it for writing if it is good, reports it otherwise. */
  async add(span: ImportSpan): Promise<void> {
    const document = await this.documentFor(span);
    if (typeof document !== "string") return this.fail(span.ref, document.error);
    if (typeof span.label !== "string" || !LABELS.has(span.label)) return this.fail(span.ref, "label must be \"claim\" or \"quote\"");
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return this.fail(span.ref, "start and end must be integers (code points)");
    if (typeof span.exact !== "string") return this.fail(span.ref, "the span's text (exact) is missing: it is needed to check the offsets");
    const checked = resolveSpan(await this.indexOf(document), span.start as number, span.end as number, span.exact);
    if (!checked.ok) {
      const mismatch = "exact" in checked.fields;
      return this.fail(span.ref, mismatch ? `the document's text at ${span.start}..${span.end} is not the record's text` : checked.message);
    }
    if (span.quoteKind !== null && span.quoteKind !== undefined && !(typeof span.quoteKind === "string" && KINDS.has(span.quoteKind))) {
      return this.fail(span.ref, "quoteKind must be direct, indirect, mixed or null");
    }
    const kind = resolveQuoteKind(span.label as "claim" | "quote", (span.quoteKind ?? null) as never, null, checked.quote.exact);
    if (!kind.ok) return this.fail(span.ref, kind.message);
    if (span.note !== null && span.note !== undefined && (typeof span.note !== "string" || span.note.length > MAX_NOTE)) {
      return this.fail(span.ref, `note must be a string of at most ${MAX_NOTE} characters`);
    }
    if (span.speaker && (typeof span.speaker.name !== "string" || !span.speaker.name.trim() || span.speaker.name.length > 200)) {
      return this.fail(span.ref, "speaker name must be a non-empty string of at most 200 characters");
    }
    const status = (this.mayReview && typeof span.status === "string" && STATUSES.has(span.status) ? span.status : "pending") as AnnotationStatus;
    const speakerId = span.speaker ? await this.speakerId(span.speaker) : null;
    this.pending.push({
      documentId: document,
      label: span.label as "claim" | "quote",
      quoteKind: kind.quoteKind,
      start: span.start as number,
      end: span.end as number,
      ...checked.quote,
      speakerId,
      note: (span.note as string | null | undefined) ?? null,
      status,
      ref: span.ref,
    });
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** Writes the queued spans: one transaction per batch; a batch that fails is retried one by one. */
  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return;
    try {
      await withTransaction((client) => this.insert(client, rows));
      this.report.annotations.created += rows.length;
    } catch {
      for (const row of rows) {
        try {
          await withTransaction((client) => this.insert(client, [row]));
          this.report.annotations.created++;
        } catch (error) {
          this.fail(row.ref, `could not be stored: ${(error as Error).message}`);
        }
      }
    }
  }

  private async insert(client: pg.PoolClient, rows: Row[]): Promise<void> {
    const column = <K extends keyof Row>(key: K) => rows.map((r) => r[key]);
    await client.query(
      `WITH ins AS (
         INSERT INTO annotations
           (project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, status, author_id)
         SELECT $1, r.document_id, r.label, r.quote_kind, r.start, r."end", r.exact, r.prefix, r.suffix, r.speaker_id, r.note, r.status, $2
           FROM unnest($3::text[], $4::"Label"[], $5::"QuoteKind"[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[],
                       $11::text[], $12::text[], $13::"AnnotationStatus"[])
             AS r(document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, status)
         RETURNING *
       )
       INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, after)
       SELECT ins.id, ins.project_id, $2, 'create', to_jsonb(ins) FROM ins`,
      [
        this.projectId,
        this.actorId,
        column("documentId"),
        column("label"),
        column("quoteKind"),
        column("start"),
        column("end"),
        column("exact"),
        column("prefix"),
        column("suffix"),
        column("speakerId"),
        column("note"),
        column("status"),
      ],
    );
  }
}
