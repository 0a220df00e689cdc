// Assignments (issue 10): which annotators a document is handed to, and who has marked their work
// on it done. Owners assign (one document's assignees, or round-robin over many documents); an
// annotator marks their own work done or not; everyone sees their queue across projects. Every
// change writes an assignment.updated event with the document's assignees, so live pages refresh.

import { z } from "zod";
import { documentAccess, projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { rolesAllowed } from "../auth/roles";
import { isoTimestampSql } from "../annotations/annotation-view";
import { insertChangesSql, kindSql } from "../changes/record-change";
import { pool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { withTransaction } from "../db/transaction";
import { notFound, validationFailed } from "../errors/domain-error";
import type { InputReader } from "../validation/parse-input";
import type { AssignDocumentsInput, SetAssigneesInput } from "../validation/schemas";
import { planAssignments } from "./plan-assignments";

export const ASSIGNMENT_STATES = ["todo", "in_progress", "done"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/**
 * The state of assignment `x` (SQL): done once marked, in progress while its annotator has
 * annotations on the document, to do before. The queue and the dashboard both read it here.
 */
export function assignmentStateSql(x = "x"): string {
  return `CASE WHEN ${x}.done_at IS NOT NULL THEN 'done'
               WHEN EXISTS (SELECT 1 FROM annotations sa WHERE sa.document_id = ${x}.document_id AND sa.author_id = ${x}.user_id) THEN 'in_progress'
               ELSE 'todo' END`;
}

export const assigneeSchema = z.object({
  userId: z.string(),
  name: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
  assignedAt: z.string(),
  doneAt: z.string().nullable(),
});
export type Assignee = z.infer<typeof assigneeSchema>;

export const documentAssignmentsSchema = z.object({
  documentId: z.string(),
  assignees: z.array(assigneeSchema).describe("Ordered by name."),
});
export type DocumentAssignments = z.infer<typeof documentAssignmentsSchema>;

/** A document's assignees as JSON (document id `documentSql`). */
function assigneesSql(documentSql: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('userId', x.user_id, 'name', xu.name, 'state', ${assignmentStateSql("x")},
                   'assignedAt', ${isoTimestampSql("x.assigned_at")}, 'doneAt', ${isoTimestampSql("x.done_at")}) ORDER BY xu.name, x.user_id)
                     FROM assignments x JOIN users xu ON xu.id = x.user_id WHERE x.document_id = ${documentSql}), '[]'::json)`;
}

/** Writes one assignment.updated event per document (after the change) and returns their assignees. */
async function recordChanges(q: Queryable, actor: Actor, documentIds: readonly string[]): Promise<DocumentAssignments[]> {
  if (documentIds.length === 0) return [];
  const { rows } = await q.query<{ view: DocumentAssignments }>(
    `WITH views AS (
       SELECT d.project_id, d.id, json_build_object('documentId', d.id, 'assignees', ${assigneesSql("d.id")}) AS view
         FROM documents d WHERE d.id = ANY($1::text[])
     ), ev AS (
       ${insertChangesSql(`SELECT project_id, id, id, ${kindSql("assignment.updated")}, $2, NULL, view FROM views`)}
     )
     SELECT view FROM views ORDER BY id`,
    [documentIds, actor.id],
  );
  return rows.map((row) => row.view);
}

/** 422 unless every user is a member of the project whose role may annotate. */
async function requireAnnotators(q: Queryable, projectId: string, userIds: readonly string[]): Promise<void> {
  const { rows } = await q.query<{ user_id: string; may: boolean }>(
    `SELECT user_id, role = ANY($3::"Role"[]) AS may FROM memberships WHERE project_id = $1 AND user_id = ANY($2::text[])`,
    [projectId, userIds, rolesAllowed("annotation.create")],
  );
  const known = new Map(rows.map((row) => [row.user_id, row.may]));
  const strangers = userIds.filter((id) => !known.has(id));
  if (strangers.length > 0) {
    throw validationFailed(`Not members of this project: ${strangers.join(", ")}.`, { userIds: `not members: ${strangers.join(", ")}` });
  }
  const viewers = userIds.filter((id) => known.get(id) === false);
  if (viewers.length > 0) {
    throw validationFailed(`These members may not annotate (viewers): ${viewers.join(", ")}.`, {
      userIds: `may not annotate: ${viewers.join(", ")}`,
    });
  }
}

export interface SetAssigneesOptions {
  actor: Actor;
  documentId: string;
  input: InputReader<SetAssigneesInput>;
}

/** Replaces a document's assignees (owners); those kept keep their progress. */
export async function setAssignees({ actor, documentId, input }: SetAssigneesOptions): Promise<DocumentAssignments> {
  const { projectId } = await documentAccess(actor, documentId, "assignment.manage");
  const userIds = [...new Set((await input()).userIds)];
  return withTransaction(async (client) => {
    await client.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
    await requireAnnotators(client, projectId, userIds);
    await client.query("DELETE FROM assignments WHERE document_id = $1 AND user_id <> ALL($2::text[])", [documentId, userIds]);
    await client.query(
      `INSERT INTO assignments (document_id, user_id, project_id, assigned_by)
       SELECT $1, u, $2, $3 FROM unnest($4::text[]) AS u ON CONFLICT (document_id, user_id) DO NOTHING`,
      [documentId, projectId, actor.id, userIds],
    );
    const [view] = await recordChanges(client, actor, [documentId]);
    if (!view) throw notFound("Document");
    return view;
  });
}

export interface AssignDocumentsOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<AssignDocumentsInput>;
}

export interface AssignDocumentsResult {
  /** How many assignments were added. */
  created: number;
  /** The documents that got new assignees, with all their assignees. */
  documents: DocumentAssignments[];
}

/**
 * Hands the project's documents (or those named) out round-robin to `userIds`, `perDocument`
 * annotators each, balanced by each annotator's assignments in the project (plan-assignments.ts).
 * Documents that already have `perDocument` assignees are left as they are.
 */
export async function assignDocuments({ actor, projectId, input }: AssignDocumentsOptions): Promise<AssignDocumentsResult> {
  await projectAccess(actor, projectId, "assignment.manage");
  const { perDocument, documentIds, userIds: named } = await input();
  const userIds = [...new Set(named)];
  if (perDocument > userIds.length) {
    throw validationFailed(`perDocument (${perDocument}) is more than the ${userIds.length} users named.`, {
      perDocument: `at most the number of users (${userIds.length})`,
    });
  }
  return withTransaction(async (client) => {
    // One hand-out at a time per project, so two cannot both see the same counts.
    await client.query("SELECT 1 FROM projects WHERE id = $1 FOR UPDATE", [projectId]);
    await requireAnnotators(client, projectId, userIds);
    const { rows: documents } = await client.query<{ id: string; assignees: string[] }>(
      `SELECT d.id, COALESCE(array_agg(x.user_id) FILTER (WHERE x.user_id IS NOT NULL), '{}') AS assignees
         FROM documents d LEFT JOIN assignments x ON x.document_id = d.id
        WHERE d.project_id = $1 AND ($2::text[] IS NULL OR d.id = ANY($2::text[]))
        GROUP BY d.id, d.created_at ORDER BY d.created_at, d.id`,
      [projectId, documentIds ?? null],
    );
    if (documentIds) {
      const found = new Set(documents.map((d) => d.id));
      const missing = [...new Set(documentIds)].filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw validationFailed(`Not documents of this project: ${missing.join(", ")}.`, {
          documentIds: `not in this project: ${missing.join(", ")}`,
        });
      }
    }
    const { rows: counted } = await client.query<{ user_id: string; n: number }>(
      "SELECT user_id, count(*)::int AS n FROM assignments WHERE project_id = $1 AND user_id = ANY($2::text[]) GROUP BY user_id",
      [projectId, userIds],
    );
    const plan = planAssignments({ documents, userIds, perDocument, counts: new Map(counted.map((row) => [row.user_id, row.n])) });
    await client.query(
      `INSERT INTO assignments (document_id, user_id, project_id, assigned_by)
       SELECT r.document_id, r.user_id, $1, $2 FROM unnest($3::text[], $4::text[]) AS r(document_id, user_id)`,
      [projectId, actor.id, plan.map((p) => p.documentId), plan.map((p) => p.userId)],
    );
    const touched = [...new Set(plan.map((p) => p.documentId))];
    return { created: plan.length, documents: await recordChanges(client, actor, touched) };
  });
}

export const queueItemSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  state: z.enum(ASSIGNMENT_STATES).describe("todo; in_progress (you have annotations on it, not marked done); done."),
  assignedAt: z.string(),
  doneAt: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

const QUEUE_SELECT = `SELECT x.document_id AS "documentId", d.title AS "documentTitle", x.project_id AS "projectId", p.name AS "projectName",
       ${assignmentStateSql("x")} AS state, ${isoTimestampSql("x.assigned_at")} AS "assignedAt", ${isoTimestampSql("x.done_at")} AS "doneAt"
  FROM assignments x JOIN documents d ON d.id = x.document_id JOIN projects p ON p.id = x.project_id
  JOIN memberships m ON m.project_id = x.project_id AND m.user_id = x.user_id`;

const QUEUE_ORDER: KeyColumn[] = [
  { sql: "x.assigned_at", cast: "timestamptz" },
  { sql: "x.document_id", cast: "text" },
];

/** The caller's assigned documents in every project they are still a member of, oldest assignment first. */
export async function myQueue(actor: Actor, page?: PageRequest): Promise<PageOf<QueueItem>> {
  const params: unknown[] = [actor.id];
  const after = afterCursorSql(QUEUE_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<QueueItem>(
    `${QUEUE_SELECT} WHERE x.user_id = $1${after} ORDER BY x.assigned_at, x.document_id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    (row) => [row.assignedAt, row.documentId],
    (row) => row,
  );
}

/** The caller's assignment on one document, or null. */
export async function myAssignment(actor: Actor, documentId: string, q: Queryable = pool()): Promise<QueueItem | null> {
  const { rows } = await q.query<QueueItem>(`${QUEUE_SELECT} WHERE x.user_id = $1 AND x.document_id = $2`, [actor.id, documentId]);
  return rows[0] ?? null;
}

/**
 * Marks the caller's work on a document done (creating the assignment if there was none: work
 * done unasked counts too) or, with `done` false, not done yet (404 without an assignment).
 */
export async function markDone(actor: Actor, documentId: string, done: boolean): Promise<QueueItem> {
  const { projectId } = await documentAccess(actor, documentId, "annotation.create");
  return withTransaction(async (client) => {
    const { rowCount } = done
      ? await client.query(
          `INSERT INTO assignments (document_id, user_id, project_id, assigned_by, done_at) VALUES ($1, $2, $3, $2, now())
           ON CONFLICT (document_id, user_id) DO UPDATE SET done_at = COALESCE(assignments.done_at, now())`,
          [documentId, actor.id, projectId],
        )
      : await client.query("UPDATE assignments SET done_at = NULL WHERE document_id = $1 AND user_id = $2", [documentId, actor.id]);
    if (!rowCount) throw notFound("Assignment");
    await recordChanges(client, actor, [documentId]);
    return (await myAssignment(actor, documentId, client)) as QueueItem;
  });
}

/** Every document of the project that has assignees, with them (the project page, the dashboard). */
export async function listProjectAssignments(actor: Actor, projectId: string): Promise<DocumentAssignments[]> {
  await projectAccess(actor, projectId, "project.read");
  const { rows } = await pool().query<{ view: DocumentAssignments }>(
    `SELECT json_build_object('documentId', d.id, 'assignees', ${assigneesSql("d.id")}) AS view
       FROM documents d WHERE d.project_id = $1 AND EXISTS (SELECT 1 FROM assignments x WHERE x.document_id = d.id)
      ORDER BY d.created_at, d.id`,
    [projectId],
  );
  return rows.map((row) => row.view);
}
