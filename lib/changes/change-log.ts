// Reading the change log (change_events) in delivery order. Events are ordered by (tx, id) — the
// writing transaction's id, then the event's — and only events of transactions older than every
// running one are read: a transaction that took a lower id but commits later can then never be
// skipped by a reader that has moved on. Who may read which events is the stream's scope.

import type { Queryable } from "../db/client";
import { kindInfo, kindsOf, PROJECT_STREAM_ONLY_KINDS, type ChangeKind } from "./change-kinds";

/** Where a reader is in the log. */
export interface Position {
  tx: bigint;
  id: bigint;
}

/** Before the first event. */
export const START: Position = { tx: 0n, id: 0n };

/** Is `a` later in the log than `b`? */
export function isAfter(a: Position, b: Position): boolean {
  return a.tx > b.tx || (a.tx === b.tx && a.id > b.id);
}

/** One recorded change, as read from the log. */
export interface StoredChange {
  /** The event's id: the SSE `id:` and what Last-Event-ID names. */
  id: string;
  position: Position;
  projectId: string;
  documentId: string | null;
  subjectId: string;
  kind: ChangeKind;
  actor: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /**
   * For a comment event, the author of the annotation the comment is on (who may see the event
   * depends on it: annotation-visibility.ts); null for other kinds, or when no trace of the
   * annotation is left. Read with the event, never sent.
   */
  annotationAuthorId: string | null;
}

const kindListSql = (kinds: readonly ChangeKind[]) => `ARRAY[${kinds.map((k) => `'${k}'`).join(", ")}]::text[]`;
const COMMENTED_ANNOTATION_SQL = "COALESCE(e.after->>'annotationId', e.before->>'annotationId')";
/**
 * The author of a comment event's annotation: the annotation's row, or — deleted, its comments
 * are kept for a restore — its last event's image. An annotation's author never changes.
 */
const ANNOTATION_AUTHOR_SQL = `CASE WHEN e.kind = ANY(${kindListSql(kindsOf("comment"))}) THEN COALESCE(
    (SELECT ca.author_id FROM annotations ca WHERE ca.id = ${COMMENTED_ANNOTATION_SQL}),
    (SELECT COALESCE(ae.before->'author'->>'id', ae.after->'author'->>'id') FROM change_events ae
      WHERE ae.subject_id = ${COMMENTED_ANNOTATION_SQL} AND ae.kind = ANY(${kindListSql(kindsOf("annotation"))})
      ORDER BY ae.id DESC LIMIT 1)) END`;

/**
 * Which events a stream delivers: a project's, or a document's (its events and the project's
 * events that belong to no document, such as speakers — but not document.created).
 */
export interface StreamScope {
  projectId: string;
  documentId?: string;
}

export function inScope(scope: StreamScope, change: StoredChange): boolean {
  if (change.projectId !== scope.projectId) return false;
  if (scope.documentId === undefined) return true;
  if (kindInfo(change.kind).projectStreamOnly) return false;
  return change.documentId === scope.documentId || change.documentId === null;
}

/** SQL for inScope over change_events `e`; pushes its parameters onto `params`. */
function scopeSql(scope: StreamScope | undefined, params: unknown[]): string {
  if (!scope) return "";
  params.push(scope.projectId);
  let sql = ` AND e.project_id = $${params.length}`;
  if (scope.documentId !== undefined) {
    params.push(scope.documentId, PROJECT_STREAM_ONLY_KINDS);
    sql += ` AND (e.document_id = $${params.length - 1} OR e.document_id IS NULL) AND e.kind <> ALL($${params.length}::text[])`;
  }
  return sql;
}

interface ChangeRow {
  id: string;
  tx: string;
  project_id: string;
  document_id: string | null;
  subject_id: string;
  kind: ChangeKind;
  actor_id: string | null;
  actor_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  annotation_author_id: string | null;
}

function toStoredChange(row: ChangeRow): StoredChange {
  return {
    id: row.id,
    position: { tx: BigInt(row.tx), id: BigInt(row.id) },
    projectId: row.project_id,
    documentId: row.document_id,
    subjectId: row.subject_id,
    kind: row.kind,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? "" } : null,
    before: row.before,
    after: row.after,
    annotationAuthorId: row.annotation_author_id,
  };
}

/**
 * Up to `limit` events after `from` (in scope, when given), in delivery order, among those of
 * finished transactions older than every running one.
 */
export async function readChanges(q: Queryable, from: Position, limit: number, scope?: StreamScope): Promise<StoredChange[]> {
  const params: unknown[] = [from.tx.toString(), from.id.toString(), limit];
  const { rows } = await q.query<ChangeRow>(
    `SELECT e.id::text AS id, e.tx::text AS tx, e.project_id, e.document_id, e.subject_id, e.kind, e.actor_id,
            u.name AS actor_name, e.before, e.after, ${ANNOTATION_AUTHOR_SQL} AS annotation_author_id
       FROM change_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE (e.tx, e.id) > ($1::xid8, $2::bigint)
        AND e.tx < pg_snapshot_xmin(pg_current_snapshot())${scopeSql(scope, params)}
      ORDER BY e.tx, e.id
      LIMIT $3`,
    params,
  );
  return rows.map(toStoredChange);
}

/** The position of event `eventId` if it is an event of `projectId`'s log; null otherwise. */
export async function positionOf(q: Queryable, eventId: string, projectId: string): Promise<Position | null> {
  if (!/^\d{1,18}$/.test(eventId)) return null;
  const { rows } = await q.query<{ tx: string; id: string }>(
    "SELECT tx::text AS tx, id::text AS id FROM change_events WHERE id = $1 AND project_id = $2",
    [eventId, projectId],
  );
  const row = rows[0];
  return row ? { tx: BigInt(row.tx), id: BigInt(row.id) } : null;
}

// The reads below sort by the table's columns, named through the alias `e`: unqualified, ORDER BY
// takes the output columns of the same name, which are text ('9999' sorts after '28336'). The
// server then started its feed from a stale head, and read every event since at each start
// (18,000 of them in one data directory).
/**
 * Where a page's live stream should resume (its ?since=): the project's last event below the
 * horizon, read BEFORE the page reads its data — every later change is then either in the data
 * or replayed (a change already in the data may come again; clients apply events idempotently).
 * "0" when the project has none yet (replay from its start).
 */
export async function projectStreamStart(q: Queryable, projectId: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT e.id::text AS id FROM change_events e
      WHERE e.project_id = $1 AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.tx DESC, e.id DESC LIMIT 1`,
    [projectId],
  );
  return rows[0]?.id ?? "0";
}

/** projectStreamStart for the project of a document (the workspace reads it before the annotations). */
export async function documentStreamStart(q: Queryable, documentId: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT e.id::text AS id FROM change_events e
      WHERE e.project_id = (SELECT project_id FROM documents WHERE id = $1)
        AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.tx DESC, e.id DESC LIMIT 1`,
    [documentId],
  );
  return rows[0]?.id ?? "0";
}

/** The latest position a reader can have reached now (the last event below the horizon). */
export async function headPosition(q: Queryable): Promise<Position> {
  const { rows } = await q.query<{ tx: string; id: string }>(
    `SELECT e.tx::text AS tx, e.id::text AS id FROM change_events e
      WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.tx DESC, e.id DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { tx: BigInt(row.tx), id: BigInt(row.id) } : START;
}
