// Comments: the discussion thread of an annotation. Annotators, reviewers and owners comment;
// viewers read. A comment is edited by its author only and deleted by its author or an owner.
// Each change is written with its change event (comment.created/updated/deleted) in one statement.

import { checkedAccess, memberAllowedSql } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { canDeleteComment, canEditComment, rolesAllowed } from "../auth/roles";
import { annotationVisibleSql } from "../annotations/annotation-visibility";
import type { ChangeKind } from "../changes/change-kinds";
import { insertChangesSql } from "../changes/record-change";
import { pool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { withTransaction } from "../db/transaction";
import { forbidden, notFound } from "../errors/domain-error";
import type { InputReader } from "../validation/parse-input";
import type { CommentInput } from "../validation/schemas";
import { COMMENT_VIEW_SQL, commentJoins, type CommentView } from "./comment-view";

/** The annotation's project and document, with the actor's role in it (null if not a member). */
async function annotationWithRole(q: Queryable, actor: Actor, annotationId: string) {
  const { rows } = await q.query<{ project_id: string; document_id: string; role: string | null }>(
    `SELECT a.project_id, a.document_id, CASE WHEN ${annotationVisibleSql("a.author_id", "a.project_id", "$2")} THEN m.role::text END AS role
       FROM annotations a LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = $2
      WHERE a.id = $1`,
    [annotationId, actor.id],
  );
  return rows[0];
}

const COMMENT_ORDER: KeyColumn[] = [
  { sql: "c.created_at", cast: "timestamptz" },
  { sql: "c.id", cast: "text" },
];

/** The thread of an annotation, oldest first: a page of it, or (no `page`) all. */
export async function listComments(actor: Actor, annotationId: string, page?: PageRequest): Promise<PageOf<CommentView>> {
  checkedAccess(await annotationWithRole(pool(), actor, annotationId), "project.read", "Annotation");
  const params: unknown[] = [annotationId];
  const after = afterCursorSql(COMMENT_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ view: CommentView }>(
    `SELECT ${COMMENT_VIEW_SQL} AS view FROM ${commentJoins()} WHERE c.annotation_id = $1${after} ORDER BY c.created_at, c.id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    ({ view }) => [view.createdAt, view.id],
    (row) => row.view,
  );
}

export interface CreateCommentOptions {
  actor: Actor;
  annotationId: string;
  input: InputReader<CommentInput>;
}

export async function createComment({ actor, annotationId, input }: CreateCommentOptions): Promise<CommentView> {
  const annotation = await annotationWithRole(pool(), actor, annotationId);
  checkedAccess(annotation, "comment.create", "Annotation");
  const { body } = await input();
  const { rows } = await pool().query<{ view: CommentView }>(
    `WITH ins AS (
       INSERT INTO comments (project_id, document_id, annotation_id, author_id, body)
       SELECT a.project_id, a.document_id, a.id, $2, $3 FROM annotations a
        WHERE a.id = $1 AND ${memberAllowedSql("a.project_id", "$2", "$4")}
       RETURNING *
     ), views AS (
       SELECT c.project_id, c.document_id, c.id, ${COMMENT_VIEW_SQL} AS view FROM ${commentJoins("ins")}
     ), ev AS (
       ${insertChangesSql("SELECT project_id, document_id, id, $5, $2, NULL, view FROM views")}
     )
     SELECT view FROM views`,
    [annotationId, actor.id, body, rolesAllowed("comment.create"), "comment.created" satisfies ChangeKind],
  );
  // The annotation was deleted, or the actor's role changed, between the check and the write.
  if (!rows[0]) throw notFound("Annotation");
  return rows[0].view;
}

interface CommentWithRole {
  view: CommentView;
  role: string | null;
  project_id: string;
}

async function lockComment(q: Queryable, actor: Actor, commentId: string): Promise<CommentWithRole | undefined> {
  const { rows } = await q.query<CommentWithRole>(
    `SELECT ${COMMENT_VIEW_SQL} AS view, c.project_id, m.role::text AS role
       FROM ${commentJoins()} LEFT JOIN memberships m ON m.project_id = c.project_id AND m.user_id = $2
      WHERE c.id = $1 FOR UPDATE OF c`,
    [commentId, actor.id],
  );
  return rows[0];
}

export interface UpdateCommentOptions {
  actor: Actor;
  commentId: string;
  input: InputReader<CommentInput>;
}

export async function updateComment({ actor, commentId, input }: UpdateCommentOptions): Promise<CommentView> {
  return withTransaction(async (client) => {
    const row = await lockComment(client, actor, commentId);
    const { role } = checkedAccess(row, "project.read", "Comment");
    if (!canEditComment(role, row?.view.author.id === actor.id)) throw forbidden("Only its author can edit a comment.");
    const { body } = await input();
    const { rows } = await client.query<{ view: CommentView }>(
      `WITH upd AS (UPDATE comments SET body = $2, updated_at = now() WHERE id = $1 RETURNING *),
       views AS (SELECT c.project_id, c.document_id, c.id, ${COMMENT_VIEW_SQL} AS view FROM ${commentJoins("upd")}),
       ev AS (${insertChangesSql("SELECT project_id, document_id, id, $3, $4, $5::json, view FROM views")})
       SELECT view FROM views`,
      [commentId, body, "comment.updated" satisfies ChangeKind, actor.id, JSON.stringify(row?.view)],
    );
    return (rows[0] as { view: CommentView }).view;
  });
}

export async function deleteComment({ actor, commentId }: { actor: Actor; commentId: string }): Promise<void> {
  await withTransaction(async (client) => {
    const row = await lockComment(client, actor, commentId);
    const { role } = checkedAccess(row, "project.read", "Comment");
    if (!canDeleteComment(role, row?.view.author.id === actor.id)) {
      throw forbidden("Only its author or a project owner can delete a comment.");
    }
    await client.query(
      `WITH del AS (DELETE FROM comments WHERE id = $1 RETURNING *),
       ev AS (${insertChangesSql("SELECT project_id, document_id, id, $2, $3, $4::json, NULL FROM del")})
       SELECT 1`,
      [commentId, "comment.deleted" satisfies ChangeKind, actor.id, JSON.stringify(row?.view)],
    );
  });
}
