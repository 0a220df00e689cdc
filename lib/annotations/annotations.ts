// Creating, changing, deleting and restoring annotations. Each change and its history row are
// written by one statement or one transaction, so a change without its history (or the reverse)
// can never be committed. Plain SQL: this is the hot path of annotation work and of the API.

import type pg from "pg";
import type { Actor } from "../auth/authenticate";
import { documentAccess } from "../auth/access";
import { can, canDeleteAnnotation, canEditAnnotation, isRole, rolesAllowed, type Role } from "../auth/roles";
import { pool } from "../db/client";
import { withTransaction } from "../db/transaction";
import { documentTextIndex } from "../documents/document-text";
import { ApiError, conflict, forbidden, notFound, validationFailed } from "../http/api-error";
import type { CreateAnnotationInput, UpdateAnnotationInput } from "../validation/schemas";
import {
  ANNOTATION_COLUMNS,
  annotationJoins,
  toAnnotationView,
  type AnnotationRow,
  type AnnotationView,
} from "./annotation-view";
import { resolveQuoteKind, resolveSpan } from "./span-rules";

/** Raw annotations row as stored (history before/after images use the same shape). */
interface StoredAnnotation {
  id: string;
  project_id: string;
  document_id: string;
  label: "claim" | "quote";
  quote_kind: "direct" | "indirect" | "mixed" | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  speaker_id: string | null;
  note: string | null;
  status: "pending" | "accepted" | "rejected";
  version: number;
  author_id: string;
  created_at: string | Date;
  updated_at: string | Date;
}

async function textIndexOf(documentId: string) {
  const index = await documentTextIndex(documentId);
  if (!index) throw notFound("Document");
  return index;
}

function noSuchSpeaker(): ApiError {
  return validationFailed("speakerId does not name a speaker of this project.", {
    speakerId: "no such speaker in this project",
  });
}

export async function listAnnotations(documentId: string): Promise<AnnotationView[]> {
  const { rows } = await pool().query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM ${annotationJoins()}
      WHERE a.document_id = $1 ORDER BY a.start, a."end", a.id`,
    [documentId],
  );
  return rows.map(toAnnotationView);
}

export async function getAnnotation(annotationId: string): Promise<AnnotationView> {
  const { rows } = await pool().query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM ${annotationJoins()} WHERE a.id = $1`,
    [annotationId],
  );
  if (!rows[0]) throw notFound("Annotation");
  return toAnnotationView(rows[0]);
}

export interface CreateAnnotationOptions {
  actor: Actor;
  documentId: string;
  input: CreateAnnotationInput;
}

const CREATE_ROLES = rolesAllowed("annotation.create");

/**
 * Creates an annotation. One statement checks the caller's membership, checks the speaker belongs
 * to the document's project, inserts the annotation and its history row and reads it back: the
 * common case costs a single round trip. When it inserts nothing, or the input is invalid, the
 * membership is checked on its own first, so non-members get 404 and learn nothing of the text.
 */
export async function createAnnotation({ actor, documentId, input }: CreateAnnotationOptions): Promise<AnnotationView> {
  const requireAccess = () => documentAccess(actor, documentId, "annotation.create");
  const index = await documentTextIndex(documentId);
  if (!index) {
    await requireAccess();
    throw notFound("Document");
  }
  const span = resolveSpan(index, input.start, input.end, input.exact);
  if (!span.ok) {
    await requireAccess();
    throw validationFailed(span.message, span.fields);
  }
  const kind = resolveQuoteKind(input.label, input.quoteKind, null, span.quote.exact);
  if (!kind.ok) {
    await requireAccess();
    throw validationFailed(kind.message, { quoteKind: kind.message });
  }
  const { rows } = await pool().query<AnnotationRow>({
    name: "annotation-create",
    text: `WITH target AS (
       SELECT d.project_id
         FROM documents d
         JOIN memberships m ON m.project_id = d.project_id AND m.user_id = $11 AND m.role = ANY($12::"Role"[])
        WHERE d.id = $1
          AND ($9::text IS NULL OR EXISTS (SELECT 1 FROM speakers s WHERE s.id = $9 AND s.project_id = d.project_id))
     ), ins AS (
       INSERT INTO annotations
         (project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id, note, author_id)
       SELECT target.project_id, $1, $2::"Label", $3::"QuoteKind", $4, $5, $6, $7, $8, $9, $10, $11 FROM target
       RETURNING *
     ), hist AS (
       INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, after)
       SELECT ins.id, ins.project_id, $11, 'create', to_jsonb(ins) FROM ins
     )
     SELECT ${ANNOTATION_COLUMNS} FROM ${annotationJoins("ins")}`,
    values: [
      documentId,
      input.label,
      kind.quoteKind,
      input.start,
      input.end,
      span.quote.exact,
      span.quote.prefix,
      span.quote.suffix,
      input.speakerId ?? null,
      input.note ?? null,
      actor.id,
      CREATE_ROLES,
    ],
  });
  if (!rows[0]) {
    await requireAccess();
    throw noSuchSpeaker();
  }
  return toAnnotationView(rows[0]);
}

async function lockAnnotation(client: pg.PoolClient, annotationId: string): Promise<StoredAnnotation> {
  const { rows } = await client.query<StoredAnnotation>("SELECT * FROM annotations WHERE id = $1 FOR UPDATE", [
    annotationId,
  ]);
  if (!rows[0]) throw notFound("Annotation");
  return rows[0];
}

async function readBack(client: pg.PoolClient, annotationId: string): Promise<AnnotationView> {
  const { rows } = await client.query<AnnotationRow>(
    `SELECT ${ANNOTATION_COLUMNS} FROM ${annotationJoins()} WHERE a.id = $1`,
    [annotationId],
  );
  return toAnnotationView(rows[0] as AnnotationRow);
}

export interface UpdateAnnotationOptions {
  actor: Actor;
  role: Role;
  annotationId: string;
  input: UpdateAnnotationInput;
}

/** Applies a partial change if `input.version` is current; a stale version is a 409 and changes nothing. */
export async function updateAnnotation({ actor, role, annotationId, input }: UpdateAnnotationOptions): Promise<AnnotationView> {
  if (input.status !== undefined && !can(role, "annotation.review")) {
    throw forbidden("Only reviewers and owners can set an annotation's status.");
  }
  return withTransaction(async (client) => {
    const current = await lockAnnotation(client, annotationId);
    if (!canEditAnnotation(role, current.author_id === actor.id)) {
      throw forbidden("Annotators can change only their own annotations.");
    }
    if (current.version !== input.version) {
      throw conflict("This annotation was changed by someone else since you loaded it.", {
        currentVersion: current.version,
        current: await readBack(client, annotationId),
      });
    }
    const start = input.start ?? current.start;
    const end = input.end ?? current.end;
    let quote = { exact: current.exact, prefix: current.prefix, suffix: current.suffix };
    if (input.start !== undefined || input.end !== undefined || input.exact !== undefined) {
      const span = resolveSpan(await textIndexOf(current.document_id), start, end, input.exact);
      if (!span.ok) throw validationFailed(span.message, span.fields);
      quote = span.quote;
    }
    const label = input.label ?? current.label;
    const kind = resolveQuoteKind(label, input.quoteKind, current.label === label ? current.quote_kind : null, quote.exact);
    if (!kind.ok) throw validationFailed(kind.message, { quoteKind: kind.message });
    const speakerId = input.speakerId !== undefined ? input.speakerId : current.speaker_id;
    if (speakerId !== null && speakerId !== current.speaker_id) {
      const found = await client.query("SELECT 1 FROM speakers WHERE id = $1 AND project_id = $2", [
        speakerId,
        current.project_id,
      ]);
      if (found.rowCount === 0) throw noSuchSpeaker();
    }
    await client.query(
      `WITH upd AS (
         UPDATE annotations
            SET label = $2::"Label", quote_kind = $3::"QuoteKind", start = $4, "end" = $5, exact = $6,
                prefix = $7, suffix = $8, speaker_id = $9, note = $10, status = $11::"AnnotationStatus",
                version = version + 1, updated_at = now()
          WHERE id = $1
         RETURNING *
       )
       INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, before, after)
       SELECT upd.id, upd.project_id, $12, 'update', $13::jsonb, to_jsonb(upd) FROM upd`,
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
        input.note !== undefined ? input.note : current.note,
        input.status ?? current.status,
        actor.id,
        JSON.stringify(current),
      ],
    );
    return readBack(client, annotationId);
  });
}

export interface DeleteAnnotationOptions {
  actor: Actor;
  role: Role;
  annotationId: string;
}

export async function deleteAnnotation({ actor, role, annotationId }: DeleteAnnotationOptions): Promise<void> {
  await withTransaction(async (client) => {
    const current = await lockAnnotation(client, annotationId);
    if (!canDeleteAnnotation(role, current.author_id === actor.id)) {
      throw forbidden("Your role allows deleting only your own annotations.");
    }
    await client.query(
      `WITH del AS (DELETE FROM annotations WHERE id = $1 RETURNING *)
       INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, before)
       SELECT del.id, del.project_id, $2, 'delete', to_jsonb(del) FROM del`,
      [annotationId, actor.id],
    );
  });
}

/**
 * Undoes a deletion: puts the annotation back with its id, author and creation time, from the
 * history's last image of it. Allowed to whoever could have deleted it.
 */
export async function restoreAnnotation(actor: Actor, annotationId: string): Promise<AnnotationView> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ action: string; before: StoredAnnotation | null; role: string | null }>(
      `SELECT h.action::text AS action, h.before, m.role::text AS role
         FROM annotation_history h
         LEFT JOIN memberships m ON m.project_id = h.project_id AND m.user_id = $2
        WHERE h.annotation_id = $1
        ORDER BY h.id DESC LIMIT 1`,
      [annotationId, actor.id],
    );
    const last = rows[0];
    if (!last || last.role === null || !isRole(last.role)) throw notFound("Annotation");
    if (last.action !== "delete" || !last.before) throw conflict("This annotation is not deleted.");
    const before = last.before;
    if (!canDeleteAnnotation(last.role, before.author_id === actor.id)) throw forbidden();
    const speakerExists =
      before.speaker_id === null ||
      ((await client.query("SELECT 1 FROM speakers WHERE id = $1", [before.speaker_id])).rowCount ?? 0) > 0;
    await client.query(
      `WITH ins AS (
         INSERT INTO annotations
           (id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix, speaker_id,
            note, status, version, author_id, created_at, updated_at)
         SELECT id, project_id, document_id, label, quote_kind, start, "end", exact, prefix, suffix,
                CASE WHEN $2::boolean THEN speaker_id END, note, status, version + 1, author_id, created_at, now()
           FROM jsonb_populate_record(NULL::annotations, $1::jsonb)
         RETURNING *
       )
       INSERT INTO annotation_history (annotation_id, project_id, actor_id, action, before, after)
       SELECT ins.id, ins.project_id, $3, 'create', NULL, to_jsonb(ins) FROM ins`,
      [JSON.stringify(before), speakerExists, actor.id],
    );
    return readBack(client, annotationId);
  });
}

export interface HistoryEntry {
  id: string;
  action: "create" | "update" | "delete";
  actor: { id: string; name: string };
  at: string;
  before: unknown;
  after: unknown;
}

export async function annotationHistory(annotationId: string): Promise<HistoryEntry[]> {
  const { rows } = await pool().query<{
    id: string;
    action: HistoryEntry["action"];
    actor_id: string;
    actor_name: string;
    created_at: Date;
    before: unknown;
    after: unknown;
  }>(
    `SELECT h.id::text AS id, h.action::text AS action, h.actor_id, u.name AS actor_name, h.created_at, h.before, h.after
       FROM annotation_history h JOIN users u ON u.id = h.actor_id
      WHERE h.annotation_id = $1 ORDER BY h.id`,
    [annotationId],
  );
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actor: { id: row.actor_id, name: row.actor_name },
    at: row.created_at.toISOString(),
    before: row.before,
    after: row.after,
  }));
}
