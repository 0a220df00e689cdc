// One import into one project. Every record goes through the same rules and writers as the API:
// documents through createDocumentSchema and createDocument, speakers through createSpeakerSchema
// and findOrCreateSpeaker, annotations through importAnnotationSchema, checkAnnotation and
// insertAnnotations (batched, each row with its change event). A bad record is reported with the
// API's own message and nothing of it is written; good records are kept.

import { projectAccess, type ProjectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { can } from "../auth/roles";
import { checkAnnotation, insertAnnotations, type CheckedAnnotation } from "../annotations/annotations";
import { pool } from "../db/client";
import { withTransaction } from "../db/transaction";
import { cachedDocument } from "../documents/document-text";
import { createDocument, prepareDocumentText } from "../documents/documents";
import { DomainError } from "../errors/domain-error";
import { findOrCreateSpeaker } from "../speakers/speakers";
import { speakerNameKey } from "../speakers/speaker-name";
import { suggestForNewDocuments, suggestionsWanted, type NewDocument } from "../suggestions/new-documents";
import { anchorSpan } from "../text/anchor";
import type { CodePointIndex } from "../text/code-points";
import { canonicalLanguageTag } from "../text/language-tag";
import { fieldErrors, given } from "../validation/parse-input";
import { createDocumentSchema, createSpeakerSchema, importAnnotationSchema } from "../validation/schemas";
import type { z } from "zod";
import { type ImportReport, type ImportSpan, type ImportSpeaker, emptyReport, reportError, reportNotice, uuidOfIri } from "./import-record";

const BATCH = 1000;

/** A checked span, ready to insert; `ref` says where it came from. */
type Row = CheckedAnnotation & { ref: string; sourceId: string | null; sourceKeys: string[]; reanchored: boolean };

/** The keys under which a source id may already be in the project: itself, and our uuid when it ends with one. */
function sourceKeys(sourceId: string): string[] {
  const uuid = uuidOfIri(sourceId);
  return uuid && uuid !== sourceId ? [sourceId, uuid] : [sourceId];
}

export interface ImportDocumentInput {
  ref: string;
  title: unknown;
  text: unknown;
  sourceUrl?: unknown;
  publishedAt?: unknown;
  /** A BCP 47 tag, when the file gives one (checked like the API's). */
  language?: unknown;
}

/** The text as the document would store it; null when it cannot be stored (createDocument says why). */
function storableText(raw: string): string | null {
  try {
    return prepareDocumentText(raw).text;
  } catch {
    return null;
  }
}

/** A record's problems as one line: "title must not be empty; text must not be empty". */
function problems(error: z.ZodError): string {
  return Object.entries(fieldErrors(error))
    .map(([field, message]) => `${field} ${message}`)
    .join("; ");
}

/** The reason to report for a record a writer refused (a domain error), or rethrows. */
function refusal(error: unknown): string {
  if (error instanceof DomainError && error.code === "validation_failed") return error.message;
  throw error;
}

export class ImportSession {
  readonly report: ImportReport;
  private readonly mayReview: boolean;
  private speakersByKey: Map<string, string> | null = null;
  private documentsById: Map<string, string> | null = null;
  private documentsByTitle: Map<string, string[]> | null = null;
  private readonly indexes = new Map<string, CodePointIndex>();
  private readonly createdDocuments: string[] = [];
  private pending: Row[] = [];

  private constructor(
    private readonly access: ProjectAccess,
    private readonly actor: Actor,
  ) {
    this.report = emptyReport("json");
    this.mayReview = can(access.role, "annotation.review");
  }

  /**
   * Starts an import: the actor must be allowed to add documents (and so annotations) to the
   * project. Checked before the input is read, so a non-member learns nothing from it.
   */
  static async start(actor: Actor, projectId: string): Promise<ImportSession> {
    return new ImportSession(await projectAccess(actor, projectId, "document.create"), actor);
  }

  /** Which format the records come in (reported back). */
  setFormat(format: ImportReport["format"]): void {
    this.report.format = format;
  }

  private get projectId(): string {
    return this.access.projectId;
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
    for (const row of rows)
      for (const alias of row.aliases ?? []) if (!map.has(speakerNameKey(alias))) map.set(speakerNameKey(alias), row.id);
    this.speakersByKey = map;
    return map;
  }

  /** The project's speaker with this name or alias; else the one findOrCreateSpeaker gives. */
  private async speakerId(speaker: z.infer<typeof createSpeakerSchema>): Promise<string> {
    const map = await this.loadSpeakers();
    const key = speakerNameKey(speaker.name);
    const known = map.get(key) ?? speaker.aliases?.map((a) => map.get(speakerNameKey(a))).find(Boolean);
    if (known) {
      this.report.speakers.matched++;
      map.set(key, known);
      return known;
    }
    const { speaker: found, created } = await findOrCreateSpeaker(this.access, this.actor, speaker);
    if (created) this.report.speakers.created++;
    else this.report.speakers.matched++;
    map.set(key, found.id);
    for (const alias of found.aliases) if (!map.has(speakerNameKey(alias))) map.set(speakerNameKey(alias), found.id);
    return found.id;
  }

  private async loadDocuments(): Promise<void> {
    if (this.documentsById) return;
    const { rows } = await pool().query<{ id: string; title: string }>("SELECT id, title FROM documents WHERE project_id = $1", [
      this.projectId,
    ]);
    this.documentsById = new Map(rows.map((r) => [r.id, r.title]));
    this.documentsByTitle = new Map();
    for (const r of rows) {
      const list = this.documentsByTitle.get(r.title) ?? [];
      list.push(r.id);
      this.documentsByTitle.set(r.title, list);
    }
  }

  /**
   * Creates a document of the project from an import, or finds the one with the same title and text
   * (a re-import); null (and a reported error) if it is invalid.
   */
  async createDocument(input: ImportDocumentInput): Promise<string | null> {
    const parsed = createDocumentSchema.safeParse({
      title: input.title,
      text: input.text,
      sourceUrl: input.sourceUrl ?? null,
      publishedAt: input.publishedAt ?? null,
      language: this.languageOf(input),
    });
    if (!parsed.success) return this.failDocument(input.ref, problems(parsed.error));
    // A document of the project with the same title and text is this one, imported before.
    await this.loadDocuments();
    const text = storableText(parsed.data.text);
    for (const existing of text === null ? [] : (this.documentsByTitle?.get(parsed.data.title) ?? [])) {
      if ((await this.indexOf(existing)).text === text) {
        this.report.documents.alreadyPresent++;
        return existing;
      }
    }
    let id: string;
    try {
      ({ id } = await createDocument({ actor: this.actor, projectId: this.projectId, input: given(parsed.data), deferSuggestions: true }));
    } catch (error) {
      return this.failDocument(input.ref, refusal(error));
    }
    this.report.documents.created++;
    this.createdDocuments.push(id);
    this.documentsById?.set(id, parsed.data.title);
    this.documentsByTitle?.set(parsed.data.title, [...(this.documentsByTitle.get(parsed.data.title) ?? []), id]);
    return id;
  }

  /** The file's language for a document, if it is a BCP 47 tag; any other value is left out, with a notice. */
  private languageOf(input: ImportDocumentInput): string | null {
    if (input.language === undefined || input.language === null || input.language === "") return null;
    const tag = typeof input.language === "string" ? canonicalLanguageTag(input.language) : null;
    if (!tag) reportNotice(this.report, input.ref, `language ${JSON.stringify(input.language)} is not a BCP 47 tag: left out`);
    return tag;
  }

  /**
   * After the import's writes: suggestions for the documents it created, when asked for (`asked`)
   * or the project has autoSuggest on. Each document's own annotations are in by now, so no
   * suggestion overlaps them.
   */
  async suggestForCreatedDocuments(asked: boolean | undefined): Promise<void> {
    if (this.createdDocuments.length === 0 || !(await suggestionsWanted(pool(), this.projectId, asked))) return;
    const documents: NewDocument[] = [];
    for (const id of this.createdDocuments) documents.push({ id, text: await this.indexOf(id) });
    this.report.documents.suggested = await suggestForNewDocuments(pool(), this.projectId, documents);
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

  /** Counts a span as failed without reading it (its document was not imported, its line is not JSON). */
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
      index = (await cachedDocument(documentId))?.index as CodePointIndex;
      this.indexes.set(documentId, index);
    }
    return index;
  }

  /**
   * Drops the rows the project already has — an annotation whose id, or the id it was imported
   * with, is one of the row's — or that an earlier row of the batch stands for, reporting them as
   * already present. Asked per batch, so memory stays flat however large the project or the file.
   */
  private async dropPresent(rows: Row[]): Promise<Row[]> {
    const keys = rows.flatMap((row) => row.sourceKeys);
    if (keys.length === 0) {
      this.report.annotations.reanchored += rows.filter((row) => row.reanchored).length;
      return rows;
    }
    const { rows: found } = await pool().query<{ id: string; source_id: string | null }>(
      "SELECT id, source_id FROM annotations WHERE project_id = $1 AND (id = ANY($2::text[]) OR source_id = ANY($2::text[]))",
      [this.projectId, keys],
    );
    const present = new Map<string, string>();
    for (const row of found) {
      present.set(row.id, `annotation ${row.id}`);
      if (row.source_id) present.set(row.source_id, `annotation ${row.id}`);
    }
    return rows.filter((row) => {
      const known = row.sourceKeys.map((key) => present.get(key)).find(Boolean);
      if (known) {
        this.report.annotations.alreadyPresent++;
        reportNotice(this.report, row.ref, `already present (${known}): nothing changed`);
        return false;
      }
      for (const key of row.sourceKeys) present.set(key, `as ${row.ref} of this import`);
      if (row.reanchored) this.report.annotations.reanchored++;
      return true;
    });
  }

  /** Checks one span; queues it for writing if it is good, reports it otherwise. */
  async add(span: ImportSpan): Promise<void> {
    const document = await this.documentFor(span);
    if (typeof document !== "string") return this.fail(span.ref, document.error);
    const sourceIds = span.sourceIds ?? [];
    let { start, end, exact } = span;
    let reanchored = false;
    if (span.selectors) {
      const anchored = anchorSpan(await this.indexOf(document), span.selectors);
      if (!anchored.ok) return this.fail(span.ref, anchored.message);
      ({ start, end, exact } = anchored);
      reanchored = anchored.method === "re-anchored";
      if (reanchored) reportNotice(this.report, span.ref, `re-anchored: its quote was found with small differences at ${start}..${end}`);
      if (anchored.method === "position-utf16") reportNotice(this.report, span.ref, "its positions were read as UTF-16 units");
    }
    const fields = importAnnotationSchema.safeParse({
      label: span.label,
      quoteKind: span.quoteKind ?? null,
      start,
      end,
      exact,
      note: span.note ?? null,
      status: span.status ?? null,
    });
    if (!fields.success) return this.fail(span.ref, problems(fields.error));
    let speaker: z.infer<typeof createSpeakerSchema> | null = null;
    if (span.speaker) {
      const parsed = createSpeakerSchema.safeParse(span.speaker satisfies ImportSpeaker);
      if (!parsed.success) return this.fail(span.ref, `speaker: ${problems(parsed.error)}`);
      speaker = parsed.data;
    }
    let { cueStart, cueEnd } = span;
    if (span.cueSelectors) {
      const cue = anchorSpan(await this.indexOf(document), span.cueSelectors);
      if (!cue.ok) return this.fail(span.ref, `cue: ${cue.message}`);
      ({ start: cueStart, end: cueEnd } = cue);
    }
    let checked: CheckedAnnotation;
    try {
      checked = checkAnnotation(document, await this.indexOf(document), {
        ...fields.data,
        speakerId: null,
        status: (this.mayReview && fields.data.status) || "pending",
        cueStart,
        cueEnd,
      });
    } catch (error) {
      return this.fail(span.ref, refusal(error));
    }
    if (speaker) checked.speakerId = await this.speakerId(speaker);
    const keys = [...new Set(sourceIds.flatMap(sourceKeys))];
    this.pending.push({ ...checked, ref: span.ref, sourceId: sourceIds[0] ?? null, sourceKeys: keys, reanchored });
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** Writes the queued spans: one transaction per batch; a batch that fails is retried one by one. */
  async flush(): Promise<void> {
    const queued = this.pending;
    this.pending = [];
    if (queued.length === 0) return;
    const rows = await this.dropPresent(queued);
    if (rows.length === 0) return;
    try {
      const written = await withTransaction((client) =>
        insertAnnotations(client, { projectId: this.projectId, actor: this.actor, rows, kind: "annotation.created" }),
      );
      this.report.annotations.created += written.length;
      if (written.length < rows.length) {
        const lost = rows.length - written.length;
        this.report.annotations.failed += lost;
        reportError(
          this.report,
          `${rows[0]?.ref} … ${rows.at(-1)?.ref}`,
          `${lost} of these could not be stored: their document or speaker left the project meanwhile, or another import stored them first`,
        );
      }
    } catch {
      for (const row of rows) {
        try {
          const [written] = await insertAnnotations(pool(), {
            projectId: this.projectId,
            actor: this.actor,
            rows: [row],
            kind: "annotation.created",
          });
          if (written) this.report.annotations.created++;
          else this.fail(row.ref, "could not be stored: its document or speaker is no longer in the project");
        } catch (error) {
          this.fail(row.ref, `could not be stored: ${(error as Error).message}`);
        }
      }
    }
  }
}
