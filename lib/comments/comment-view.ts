// The comment view: its JSON shape (schema and type) and the SQL that builds it. Apart from
// comments.ts, which writes and reads threads, so that the export worker can read threads without
// loading the database client.

import { z } from "zod";
import { isoTimestampSql } from "../annotations/annotation-view";

const personRef = z.object({ id: z.string(), name: z.string() });

export const commentViewSchema = z.object({
  id: z.string(),
  annotationId: z.string(),
  author: personRef,
  /** Plain text: show it as text, never as HTML. */
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

/** The comment view as JSON, from comments `c` joined to its author `u`. */
export const COMMENT_VIEW_SQL = `json_build_object(
  'id', c.id, 'annotationId', c.annotation_id, 'author', json_build_object('id', u.id, 'name', u.name), 'body', c.body,
  'createdAt', ${isoTimestampSql("c.created_at")}, 'updatedAt', ${isoTimestampSql("c.updated_at")})`;

/** FROM clause joining a comment source (table or CTE) aliased `c` to its author `u`. */
export function commentJoins(source = "comments"): string {
  return `${source} c JOIN users u ON u.id = c.author_id`;
}
