// Annotations: the one write path. Every change — create (API, workspace, import), update, delete,
// restore — is checked here (access, span, quote kind, speaker) and written by one of three
// statements (insertAnnotations, the update, the delete), each of which writes the row and its
// change event together; each process's change feed reads the events from there. Reads go through
// the one projection in annotation-view.ts. Plain SQL: this is the hot path of annotation work.

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { checkedAccess, documentAccess, memberAllowedSql } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { can, canDeleteAnnotation, canEditAnnotation, rolesAllowed } from "../auth/roles";
import { kindInfo, kindsOf, type ChangeKind } from "../changes/change-kinds";
import { insertChangesSql } from "../changes/record-change";
import { pool, preparedPool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { pgErrorCode, withTransaction } from "../db/transaction";
import { cachedDocument } from "../documents/document-text";
import { conflict, forbidden, notFound, validationFailed, type DomainError } from "../errors/domain-error";
import type { AnnotationStatus, Label, QuoteKind } from "../model/vocabulary";
import type { CodePointIndex } from "../text/code-points";
import type { InputReader } from "../validation/parse-input";
import type { CreateAnnotationInput, ReviewInput, UpdateAnnotationInput } from "../validation/schemas";
import { annotationJoins, annotationViewSchema, annotationViewSql, type AnnotationView } from "./annotation-view";
import { annotationVisibleSql, layerAuthor } from "./annotation-visibility";
import { resolveCue, resolveQuoteKind, resolveSpan } from "./span-rules";

const VIEW = annotationViewSql();

/** An annotation ready to write: its span checked against the text, its quote kind resolved. */
export interface CheckedAnnotation {
  documentId: string;
  label: Label;
  quoteKind: QuoteKind | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  speakerId: string | null;
  note: string | null;
  status: AnnotationStatus;
  /** The cue span (the reporting verb), code points: an accepted suggestion's or an import's. */
  cueStart?: number | null;
  cueEnd?: number | null;
  /** For the curated layer: the annotator's annotation this one was accepted from (curated by the actor, now). */
  curatedFrom?: string | null;
}

/** Where a change came from when not typed by hand, recorded on its change event (the history). */
export type ChangeOrigin = { origin: "suggestion"; rule: string; suggestionId: string } | { origin: "curation"; from: string };

/** What a restore keeps of the deleted annotation; new annotations get fresh values. */
interface KeptIdentity {
  id: string;
  authorId: string;
  version: number;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
}

/**
 * Checks a span and its fields against the document's text (API, imports and accepted suggestions
 * alike): the offsets must slice `exact` when given, a claim has no quote kind, a quote gets its
 * default kind, a cue obeys the rules of a span. Throws a 422 naming the offending field.
 */
export function checkAnnotation(
  documentId: string,
  index: CodePointIndex,
  input: Pick<CreateAnnotationInput, "label" | "start" | "end" | "exact" | "quoteKind" | "note"> & {
    speakerId: string | null;
    status: AnnotationStatus;
    cueStart?: unknown;
    cueEnd?: unknown;
  },
): CheckedAnnotation {
  const span = resolveSpan(index, input.start, input.end, input.exact);
  if (!span.ok) throw validationFailed(span.message, span.fields);
  const kind = resolveQuoteKind(input.label, input.quoteKind, null, span.quote.exact);
  if (!kind.ok) throw validationFailed(kind.message, { quoteKind: kind.message });
  const cue = resolveCue(index, input.cueStart, input.cueEnd);
  if (!cue.ok) throw validationFailed(cue.message, { cueStart: cue.message });
  return {
    documentId,
    label: input.label,
    quoteKind: kind.quoteKind,
    start: input.start,
    end: input.end,
    ...span.quote,
    speakerId: input.speakerId,
    note: input.note ?? null,
    status: input.status,
    cueStart: cue.cueStart,
    cueEnd: cue.cueEnd,
  };
}

function noSuchSpeaker(): DomainError {
  return validationFailed("speakerId does not name a speaker of this project.", { speakerId: "no such speaker in this project" });
}

export interface InsertAnnotationsOptions {
  projectId: string;
  actor: Actor;
  /** `sourceId`: the id an imported annotation had where it came from (one per project). */
  /** `authorId`: another member as the author (an owner's import keeps authors); default the actor. */
  rows: (CheckedAnnotation & { kept?: KeptIdentity; sourceId?: string | null; authorId?: string })[];
  kind: Extract<ChangeKind, "annotation.created" | "annotation.restored">;
  origin?: ChangeOrigin;
}

/**
 * The one INSERT of annotations: writes the rows and one change event each, in a single statement
 * that also checks the actor may create annotations in the project, and skips any row whose
 * document or speaker is not the project's, or whose source id the project already has. Returns
 * the views of the rows written (fewer than given when rows were skipped, none when the actor may
 * not write).
 */
export async function insertAnnotations(
  q: Queryable,
  { projectId, actor, rows, kind, origin }: InsertAnnotationsOptions,
): Promise<AnnotationView[]> {
  if (rows.length === 0) return [];
  const column = <T>(pick: (row: InsertAnnotationsOptions["rows"][number]) => T) => rows.map(pick);
  const { rows: written } = await q.query<{ view: AnnotationView }>({
    name: "annotations-insert",
    text: `WITH ins AS (
       INSERT INTO annotations
         (id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, status,
          version, author_id, created_at, updated_at, reviewed_by, reviewed_at, review_reason, source_id, cue_start, cue_end,
          curated, curated_by, curated_at, curated_from)
       SELECT r.id, $1, r.document_id, r.label, r.quote_kind, r.start, r."end", r.exact, r.prefix, r.suffix, r.speaker_id,
              r.note, r.status, r.version, r.author_id, COALESCE(r.created_at, now()), now(),
              r.reviewed_by, CASE WHEN r.reviewed_by IS NULL THEN NULL ELSE COALESCE(r.reviewed_at, now()) END, r.review_reason,
              r.source_id, r.cue_start, r.cue_end,
              r.curated_from IS NOT NULL, CASE WHEN r.curated_from IS NULL THEN NULL ELSE $2 END,
              CASE WHEN r.curated_from IS NULL THEN NULL ELSE now() END, r.curated_from
         FROM unnest($4::text[], $5::text[], $6::"Label"[], $7::"QuoteKind"[], $8::int[], $9::int[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::text[], $15::"AnnotationStatus"[], $16::int[], $17::text[], $18::timestamptz[],
                     $20::text[], $21::timestamptz[], $22::text[], $23::text[], $24::int[], $25::int[], $27::text[])
           AS r(id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, status, version,
                author_id, created_at, reviewed_by, reviewed_at, review_reason, source_id, cue_start, cue_end, curated_from)
        WHERE ${memberAllowedSql("$1", "$2", "$3")}
          AND EXISTS (SELECT 1 FROM documents d WHERE d.id = r.document_id AND d.project_id = $1)
          AND (r.speaker_id IS NULL OR EXISTS (SELECT 1 FROM speakers sp WHERE sp.id = r.speaker_id AND sp.project_id = $1))
       ON CONFLICT (project_id, source_id) DO NOTHING
       RETURNING *
     ), views AS (
       SELECT a.project_id, a.document_id, a.id, ${VIEW} AS view FROM ${annotationJoins("ins")}
     ), ev AS (
       ${insertChangesSql("SELECT project_id, document_id, id, $19, $2, NULL, view, $26::json FROM views", true)}
     )
     SELECT view FROM views`,
    values: [
      projectId,
      actor.id,
      rolesAllowed("annotation.create"),
      column((r) => r.kept?.id ?? randomUUID()),
      column((r) => r.documentId),
      column((r) => r.label),
      column((r) => r.quoteKind),
      column((r) => r.start),
      column((r) => r.end),
      column((r) => r.exact),
      column((r) => r.prefix),
      column((r) => r.suffix),
      column((r) => r.speakerId),
      column((r) => r.note),
      column((r) => r.status),
      column((r) => r.kept?.version ?? 1),
      column((r) => r.kept?.authorId ?? r.authorId ?? actor.id),
      column((r) => r.kept?.createdAt ?? null),
      kind,
      // A new annotation imported already reviewed was reviewed by its importer, now.
      column((r) => (r.kept ? r.kept.reviewedBy : r.status === "pending" ? null : actor.id)),
      column((r) => r.kept?.reviewedAt ?? null),
      column((r) => r.kept?.reviewReason ?? null),
      column((r) => r.sourceId ?? null),
      column((r) => r.cueStart ?? null),
      column((r) => r.cueEnd ?? null),
      origin ? JSON.stringify(origin) : null,
      column((r) => r.curatedFrom ?? null),
    ],
  });
  return written.map((row) => row.view);
}

const POSITION_ORDER: KeyColumn[] = [
  { sql: "a.start", cast: "int" },
  { sql: 'a."end"', cast: "int" },
  { sql: "a.id", cast: "text" },
];

/**
 * A document's annotations by position: a page of them, or (no `page`) all; `author` picks one
 * annotator's layer. In an independent project an annotator gets only their own (visibility.ts).
 */
export async function listAnnotations(
  actor: Actor,
  documentId: string,
  page?: PageRequest,
  author?: string,
): Promise<PageOf<AnnotationView>> {
  const { projectId } = await documentAccess(actor, documentId, "project.read");
  return readAnnotationPage(documentId, page, await layerAuthor(actor, projectId, author));
}

async function readAnnotationPage(documentId: string, page?: PageRequest, author?: string): Promise<PageOf<AnnotationView>> {
  const params: unknown[] = [documentId];
  let byAuthor = "";
  if (author !== undefined) {
    params.push(author);
    byAuthor = ` AND a.author_id = $${params.length}`;
  }
  const after = afterCursorSql(POSITION_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ view: AnnotationView }>(
    `SELECT ${VIEW} AS view FROM ${annotationJoins()} WHERE a.document_id = $1${byAuthor}${after} ORDER BY a.start, a."end", a.id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    ({ view }) => [view.start, view.end, view.id],
    (row) => row.view,
  );
}

/**
 * Every annotation of a document as the JSON body {"annotations": [...], "nextCursor": null}, written as it is read,
 * batch by batch, so a document with tens of thousands of annotations never sits whole in memory.
 */
export async function streamAnnotations(
  actor: Actor,
  documentId: string,
  author?: string,
  batch = 2000,
): Promise<ReadableStream<Uint8Array>> {
  const { projectId } = await documentAccess(actor, documentId, "project.read");
  const layer = await layerAuthor(actor, projectId, author);
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (cursor === null) {
        controller.enqueue(encoder.encode('],"nextCursor":null}'));
        controller.close();
        return;
      }
      const page = await readAnnotationPage(documentId, { cursor, limit: batch }, layer);
      const items = page.items.map((item) => JSON.stringify(item)).join(",");
      controller.enqueue(encoder.encode(`${first ? '{"annotations":[' : items && ","}${items}`));
      first = false;
      cursor = page.nextCursor;
    },
  });
}

interface AnnotationWithAccess {
  view: AnnotationView;
  project_id: string;
  role: string | null;
}

/**
 * One annotation with the actor's role in its project (null if not a member); `lock` for a write.
 * An annotation the actor may not see (another annotator's, in an independent project) is absent.
 */
async function readWithAccess(q: Queryable, actor: Actor, annotationId: string, lock = false): Promise<AnnotationWithAccess | undefined> {
  const { rows } = await q.query<AnnotationWithAccess & { visible: boolean }>(
    `SELECT ${VIEW} AS view, a.project_id, m.role::text AS role, ${annotationVisibleSql("a.author_id", "a.project_id", "$2")} AS visible
       FROM ${annotationJoins()} LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = $2
      WHERE a.id = $1${lock ? " FOR UPDATE OF a" : ""}`,
    [annotationId, actor.id],
  );
  return rows[0]?.visible ? rows[0] : undefined;
}

export async function getAnnotation(actor: Actor, annotationId: string): Promise<AnnotationView> {
  const row = await readWithAccess(pool(), actor, annotationId);
  checkedAccess(row, "project.read", "Annotation");
  return (row as AnnotationWithAccess).view;
}

export interface CreateAnnotationOptions {
  actor: Actor;
  documentId: string;
  input: InputReader<CreateAnnotationInput>;
}

/**
 * Creates an annotation. The document's text and project come from the cache, so the common case
 * is one statement that checks membership, writes the row and its event and reads the view back.
 * When it writes nothing, or the input is invalid, membership is checked on its own first, so a
 * non-member gets 404 and learns nothing of the text.
 */
export async function createAnnotation({ actor, documentId, input }: CreateAnnotationOptions): Promise<AnnotationView> {
  const requireAccess = () => documentAccess(actor, documentId, "annotation.create");
  const document = await cachedDocument(documentId);
  if (!document) {
    await requireAccess();
    throw notFound("Document");
  }
  let checked: CheckedAnnotation;
  try {
    const fields = await input();
    checked = checkAnnotation(documentId, document.index, { ...fields, speakerId: fields.speakerId ?? null, status: "pending" });
  } catch (error) {
    await requireAccess();
    throw error;
  }
  const [view] = await insertAnnotations(preparedPool(), {
    projectId: document.projectId,
    actor,
    rows: [checked],
    kind: "annotation.created",
  });
  if (!view) {
    await requireAccess();
    throw noSuchSpeaker();
  }
  return view;
}

export interface UpdateAnnotationOptions {
  actor: Actor;
  annotationId: string;
  input: InputReader<UpdateAnnotationInput>;
}

/** Applies a partial change if `input.version` is current; a stale version is a 409 and changes nothing. */
export async function updateAnnotation({ actor, annotationId, input }: UpdateAnnotationOptions): Promise<AnnotationView> {
  return withTransaction(async (client) => {
    const row = await readWithAccess(client, actor, annotationId, true);
    const { role } = checkedAccess(row, "annotation.editOwn", "Annotation");
    const current = (row as AnnotationWithAccess).view;
    const changes = await input();
    if (changes.status !== undefined && !can(role, "annotation.review")) {
      throw forbidden("Only reviewers and owners can set an annotation's status.");
    }
    if (!canEditAnnotation(role, current.author.id === actor.id)) {
      throw forbidden("Annotators can change only their own annotations.");
    }
    if (current.version !== changes.version) {
      throw conflict("This annotation was changed by someone else since you loaded it.", { currentVersion: current.version, current });
    }
    const start = changes.start ?? current.start;
    const end = changes.end ?? current.end;
    let quote = { exact: current.exact, prefix: current.prefix, suffix: current.suffix };
    if (changes.start !== undefined || changes.end !== undefined || changes.exact !== undefined) {
      const document = await cachedDocument(current.documentId);
      if (!document) throw notFound("Document");
      const span = resolveSpan(document.index, start, end, changes.exact);
      if (!span.ok) throw validationFailed(span.message, span.fields);
      quote = span.quote;
    }
    const label = changes.label ?? current.label;
    const kind = resolveQuoteKind(label, changes.quoteKind, current.label === label ? current.quoteKind : null, quote.exact);
    if (!kind.ok) throw validationFailed(kind.message, { quoteKind: kind.message });
    const speakerId = changes.speakerId !== undefined ? changes.speakerId : current.speakerId;
    // The review status: set by a reviewer here (the PATCH of API.md), or back to pending when the
    // attribution a reviewer judged changes (span, label, speaker, quote kind; not the note).
    const contentChanged =
      label !== current.label ||
      start !== current.start ||
      end !== current.end ||
      speakerId !== current.speakerId ||
      kind.quoteKind !== current.quoteKind;
    const review = nextReview(current, changes.status, contentChanged, actor);
    const { rows } = await client.query<{ view: AnnotationView }>(
      `WITH upd AS (
         UPDATE annotations a
            SET label = $2::"Label", quote_kind = $3::"QuoteKind", start = $4, "end" = $5, exact = $6, prefix = $7, suffix = $8,
                speaker_id = $9, note = $10, status = $11::"AnnotationStatus", version = version + 1, updated_at = now(),
                reviewed_by = $15, reviewed_at = CASE WHEN $15::text IS NULL THEN NULL WHEN $16 THEN now() ELSE a.reviewed_at END,
                review_reason = $17
          WHERE a.id = $1
            AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM speakers sp WHERE sp.id = $9 AND sp.project_id = a.project_id))
         RETURNING a.*
       ), views AS (
         SELECT a.project_id, a.document_id, a.id, ${VIEW} AS view FROM ${annotationJoins("upd")}
       ), ev AS (
         ${insertChangesSql("SELECT project_id, document_id, id, $12, $13, $14::json, view FROM views")}
       )
       SELECT view FROM views`,
      [
        annotationId,
        label,
        kind.quoteKind,
        start,
        end,
        quote.exact,
        quote.prefix,
        quote.suffix,
        speakerId,
        changes.note !== undefined ? changes.note : current.note,
        review.status,
        "annotation.updated" satisfies ChangeKind,
        actor.id,
        JSON.stringify(current),
        review.reviewedBy,
        review.stamped,
        review.reason,
      ],
    );
    if (!rows[0]) throw noSuchSpeaker();
    return rows[0].view;
  });
}

interface ReviewState {
  status: AnnotationStatus;
  reviewedBy: string | null;
  /** Whether the review time becomes now (a new review) or stays. */
  stamped: boolean;
  reason: string | null;
}

/** The review fields after a change: a new status is a review by `actor`; pending clears them. */
function nextReview(
  current: AnnotationView,
  status: AnnotationStatus | undefined,
  contentChanged: boolean,
  actor: Actor,
  reason: string | null = null,
): ReviewState {
  const next = status ?? (contentChanged ? "pending" : current.status);
  if (next === "pending") return { status: next, reviewedBy: null, stamped: false, reason: null };
  if (status === undefined)
    return { status: next, reviewedBy: current.reviewedBy?.id ?? null, stamped: false, reason: current.reviewReason };
  return { status: next, reviewedBy: actor.id, stamped: true, reason };
}

export interface ReviewAnnotationOptions {
  actor: Actor;
  annotationId: string;
  input: InputReader<ReviewInput>;
}

/**
 * Accepts, rejects (with an optional reason) or resets an annotation to pending: reviewers and
 * owners. The content and its version are untouched, so a review never conflicts with an edit.
 */
export async function reviewAnnotation({ actor, annotationId, input }: ReviewAnnotationOptions): Promise<AnnotationView> {
  return withTransaction(async (client) => {
    const row = await readWithAccess(client, actor, annotationId, true);
    checkedAccess(row, "annotation.review", "Annotation");
    const current = (row as AnnotationWithAccess).view;
    const { status, reason } = await input();
    const review = nextReview(current, status, false, actor, reason ?? null);
    const { rows } = await client.query<{ view: AnnotationView }>(
      `WITH upd AS (
         UPDATE annotations a
            SET status = $2::"AnnotationStatus", reviewed_by = $3, reviewed_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END,
                review_reason = $4
          WHERE a.id = $1
         RETURNING a.*
       ), views AS (
         SELECT a.project_id, a.document_id, a.id, ${VIEW} AS view FROM ${annotationJoins("upd")}
       ), ev AS (
         ${insertChangesSql("SELECT project_id, document_id, id, $5, $6, $7::json, view FROM views")}
       )
       SELECT view FROM views`,
      [
        annotationId,
        review.status,
        review.reviewedBy,
        review.reason,
        "annotation.reviewed" satisfies ChangeKind,
        actor.id,
        JSON.stringify(current),
      ],
    );
    return (rows[0] as { view: AnnotationView }).view;
  });
}

export interface ReattributeOptions {
  actor: Actor;
  projectId: string;
  /** The speaker to attribute to (of the same project), or null for none. */
  to: string | null;
  /** Which annotations: all of a speaker's, or these ids (of the project). */
  from: { speakerId: string } | { ids: readonly string[] };
  /**
   * Another person now, so a review of the old attribution no longer holds (back to pending) — or
   * the same person under a better name (a merge), so reviews stand.
   */
  samePerson: boolean;
}

/**
 * Attributes many annotations to another speaker in one statement, each with its
 * annotation.updated event; versions go up, so an edit based on the old attribution gets 409.
 * Run inside the caller's transaction, after its access checks. Returns the ids changed.
 */
export async function reattributeAnnotations(
  q: Queryable,
  { actor, projectId, to, from, samePerson }: ReattributeOptions,
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `WITH old AS (
       SELECT a.id, ${VIEW} AS view FROM ${annotationJoins()}
        WHERE a.project_id = $1 AND ${"speakerId" in from ? "a.speaker_id = $2" : "a.id = ANY($2::text[])"}
          AND a.speaker_id IS DISTINCT FROM $3
        FOR UPDATE OF a
     ), upd AS (
       UPDATE annotations a
          SET speaker_id = $3, version = a.version + 1, updated_at = now(),
              status = CASE WHEN $5 THEN a.status ELSE 'pending' END,
              reviewed_by = CASE WHEN $5 THEN a.reviewed_by END,
              reviewed_at = CASE WHEN $5 THEN a.reviewed_at END,
              review_reason = CASE WHEN $5 THEN a.review_reason END
         FROM old WHERE a.id = old.id
       RETURNING a.*
     ), views AS (
       SELECT a.project_id, a.document_id, a.id, ${VIEW} AS view FROM ${annotationJoins("upd")}
     ), ev AS (
       ${insertChangesSql("SELECT v.project_id, v.document_id, v.id, $6, $4, o.view, v.view FROM views v JOIN old o ON o.id = v.id")}
     )
     SELECT id FROM views`,
    [projectId, "speakerId" in from ? from.speakerId : from.ids, to, actor.id, samePerson, "annotation.updated" satisfies ChangeKind],
  );
  return rows.map((row) => row.id);
}

export interface DeleteAnnotationOptions {
  actor: Actor;
  annotationId: string;
}

/** The image a delete event keeps: the view plus `sourceId`, which restoreAnnotation puts back. */
const DELETED_VIEW = annotationViewSql({ sourceId: "a.source_id" });
type DeletedView = AnnotationView & { sourceId?: string | null };

export async function deleteAnnotation({ actor, annotationId }: DeleteAnnotationOptions): Promise<void> {
  await withTransaction(async (client) => {
    const row = await readWithAccess(client, actor, annotationId, true);
    const { role } = checkedAccess(row, "annotation.deleteOwn", "Annotation");
    if (!canDeleteAnnotation(role, (row as AnnotationWithAccess).view.author.id === actor.id)) {
      throw forbidden("Your role allows deleting only your own annotations.");
    }
    // The event's image also keeps the id it was imported with (not part of the API's view), so a
    // restore keeps it too and a re-import of its file still finds it present.
    await client.query(
      `WITH del AS (DELETE FROM annotations WHERE id = $1 RETURNING *),
       views AS (SELECT a.project_id, a.document_id, a.id, ${DELETED_VIEW} AS view FROM ${annotationJoins("del")}),
       ev AS (${insertChangesSql("SELECT project_id, document_id, id, $2, $3, view, NULL FROM views")})
       SELECT 1`,
      [annotationId, "annotation.deleted" satisfies ChangeKind, actor.id],
    );
  });
}

const ANNOTATION_KINDS = kindsOf("annotation") as [ChangeKind, ...ChangeKind[]];

/** Over change_events `e` for user $2: may they see the annotation the event is about? */
const VISIBLE_EVENT_SQL = annotationVisibleSql("COALESCE(e.after->'author'->>'id', e.before->'author'->>'id')", "e.project_id", "$2");

/**
 * Undoes a deletion: puts the annotation back with its id, author, status, creation time, cue and
 * the id it was imported with, from the last event's image of it (its speaker only if the speaker
 * still exists). Allowed to whoever could have deleted it. When the same record was imported again
 * meanwhile, the restore is a 409 (the project would hold it twice).
 */
export async function restoreAnnotation({ actor, annotationId }: DeleteAnnotationOptions): Promise<AnnotationView> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ kind: ChangeKind; before: DeletedView | null; project_id: string; role: string | null }>(
      `SELECT e.kind, e.before, e.project_id, CASE WHEN ${VISIBLE_EVENT_SQL} THEN m.role::text END AS role
         FROM change_events e
         LEFT JOIN memberships m ON m.project_id = e.project_id AND m.user_id = $2
        WHERE e.subject_id = $1 AND e.kind = ANY($3::text[])
        ORDER BY e.id DESC LIMIT 1`,
      [annotationId, actor.id, ANNOTATION_KINDS],
    );
    const last = rows[0];
    const { role, projectId } = checkedAccess(last, "annotation.deleteOwn", "Annotation");
    const before = last?.before;
    if (last?.kind !== "annotation.deleted" || !before) throw conflict("This annotation is not deleted.");
    if (!canDeleteAnnotation(role, before.author.id === actor.id)) throw forbidden();
    const speakerKept =
      before.speakerId !== null &&
      ((await client.query("SELECT 1 FROM speakers WHERE id = $1 AND project_id = $2", [before.speakerId, projectId])).rowCount ?? 0) > 0;
    const restored: CheckedAnnotation & { kept: KeptIdentity; sourceId: string | null } = {
      documentId: before.documentId,
      label: before.label,
      quoteKind: before.quoteKind,
      start: before.start,
      end: before.end,
      exact: before.exact,
      prefix: before.prefix,
      suffix: before.suffix,
      speakerId: speakerKept ? before.speakerId : null,
      note: before.note,
      status: before.status,
      cueStart: before.cueStart ?? null,
      cueEnd: before.cueEnd ?? null,
      sourceId: before.sourceId ?? null,
      kept: {
        id: before.id,
        authorId: before.author.id,
        version: before.version + 1,
        createdAt: before.createdAt,
        reviewedBy: before.reviewedBy?.id ?? null,
        reviewedAt: before.reviewedAt,
        reviewReason: before.reviewReason,
      },
    };
    if (restored.sourceId) {
      const { rows: twin } = await client.query<{ id: string }>("SELECT id FROM annotations WHERE project_id = $1 AND source_id = $2", [
        projectId,
        restored.sourceId,
      ]);
      if (twin[0]) throw conflict(`Annotation ${twin[0].id} was imported from the same record since; delete it to restore this one.`);
    }
    try {
      const [view] = await insertAnnotations(client, { projectId, actor, rows: [restored], kind: "annotation.restored" });
      if (!view) throw notFound("Annotation"); // its document is gone, or the actor's role changed
      return view;
    } catch (error) {
      // Two restores at once: the second finds the id taken.
      if (pgErrorCode(error) === "23505") throw conflict("This annotation is not deleted.");
      throw error;
    }
  });
}

/** One change of an annotation, as GET /api/v1/annotations/{annotationId}/history shows it. */
export const historyEntrySchema = z.object({
  id: z.string(),
  action: z.enum(["create", "update", "delete", "review"]).describe("create, update, delete or review (a restore is a create)."),
  kind: z.enum(ANNOTATION_KINDS).describe('The change event\'s kind ("annotation.restored", "annotation.reviewed", …).'),
  actor: z.object({ id: z.string(), name: z.string() }).nullable().describe("Who made the change; null for a change made by the system."),
  at: z.string(),
  before: annotationViewSchema.nullable().describe("The annotation before the change; null for a create."),
  after: annotationViewSchema.nullable().describe("The annotation after the change; null for a delete."),
  origin: z
    .discriminatedUnion("origin", [
      z.object({ origin: z.literal("suggestion"), rule: z.string(), suggestionId: z.string() }),
      z.object({ origin: z.literal("curation"), from: z.string() }),
    ])
    .nullable()
    .describe(
      'Where the change came from when not made by hand: an accepted suggestion ({"origin": "suggestion", "rule", "suggestionId"}), ' +
        'or a curator accepting an annotator\'s annotation into the curated layer ({"origin": "curation", "from": its id}).',
    ),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Every change of an annotation, oldest first; kept after the annotation is deleted. */
export async function annotationHistory(actor: Actor, annotationId: string): Promise<HistoryEntry[]> {
  const { rows } = await pool().query<{
    id: string;
    kind: ChangeKind;
    actor_id: string | null;
    actor_name: string | null;
    created_at: Date;
    before: DeletedView | null;
    after: AnnotationView | null;
    origin: ChangeOrigin | null;
    project_id: string;
    role: string | null;
  }>(
    `SELECT e.id::text AS id, e.kind, e.actor_id, u.name AS actor_name, e.created_at, e.before, e.after, e.origin, e.project_id,
            CASE WHEN ${VISIBLE_EVENT_SQL} THEN m.role::text END AS role
       FROM change_events e
       LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN memberships m ON m.project_id = e.project_id AND m.user_id = $2
      WHERE e.subject_id = $1 AND e.kind = ANY($3::text[])
      ORDER BY e.id`,
    [annotationId, actor.id, ANNOTATION_KINDS],
  );
  checkedAccess(rows[0], "project.read", "Annotation");
  return rows.map((row) => ({
    id: row.id,
    action: kindInfo(row.kind).historyAction ?? "update",
    kind: row.kind,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? "" } : null,
    at: row.created_at.toISOString(),
    before: row.before && withoutSourceId(row.before),
    after: row.after,
    origin: row.origin,
  }));
}

/** A delete event's image as the API shows it: without the source id it keeps for a restore. */
function withoutSourceId(image: DeletedView): AnnotationView {
  const { sourceId: _sourceId, ...view } = image;
  return view;
}
