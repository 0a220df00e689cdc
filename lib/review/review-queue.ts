// The review queue: a project's annotations to review (pending by default, filtered like exports),
// ordered by document then position, each with the sentence around it and the attribution hint,
// paginated by an opaque keyset cursor — stable while colleagues keep adding annotations.

import { z } from "zod";
import { projectAccess, speakerAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { annotationFilterSql } from "../annotations/annotation-filter";
import { layerAuthor } from "../annotations/annotation-visibility";
import { annotationJoins, annotationViewSchema, annotationViewSql, type AnnotationView } from "../annotations/annotation-view";
import { pool } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn } from "../db/keyset";
import { cachedDocument } from "../documents/document-text";
import { sentencesUpTo, spanContext } from "../text/sentences";
import type { AnnotationFilter, ReviewQueueQuery, SpeakerAnnotationsQuery } from "../validation/schemas";
import { attributionHint } from "./attribution-check";

export const reviewItemSchema = annotationViewSchema.extend({
  documentTitle: z.string(),
  /** The sentence around the span: its text before and after (at most 300 code points each). */
  context: z.object({ before: z.string(), after: z.string() }),
  /** Why the attribution looks doubtful (a hint for the reviewer), or null. */
  attributionHint: z.object({ reason: z.string() }).nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewQueuePageSchema = z.object({
  items: z.array(reviewItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many annotations match the filters in all. */
  total: z.int(),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePageSchema>;

/** The order of every annotation page: by document, then position. */
const ANNOTATION_ORDER: KeyColumn[] = [
  { sql: "a.document_id", cast: "text" },
  { sql: "a.start", cast: "int" },
  { sql: 'a."end"', cast: "int" },
  { sql: "a.id", cast: "text" },
];

/** Context and attribution hint for annotations already read (the speaker's aliases are looked up). */
export async function withReviewContext(views: (AnnotationView & { documentTitle: string })[]): Promise<ReviewItem[]> {
  const speakerIds = [...new Set(views.map((v) => v.speakerId).filter((id): id is string => id !== null))];
  const aliases = new Map<string, string[]>();
  if (speakerIds.length > 0) {
    const { rows } = await pool().query<{ id: string; aliases: string[] | null }>("SELECT id, aliases FROM speakers WHERE id = ANY($1)", [
      speakerIds,
    ]);
    for (const row of rows) aliases.set(row.id, row.aliases ?? []);
  }
  const items: ReviewItem[] = [];
  for (const view of views) {
    const document = await cachedDocument(view.documentId);
    if (!document) continue;
    const sentences = sentencesUpTo(document.index, view.start, view.end);
    const speaker = view.speaker ? { name: view.speaker.name, aliases: aliases.get(view.speaker.id) ?? [] } : null;
    items.push({
      ...view,
      context: spanContext(document.index, view.start, view.end),
      attributionHint: attributionHint({ speaker, exact: view.exact, ...sentences }),
    });
  }
  return items;
}

type Page = Pick<ReviewQueueQuery, "cursor" | "limit">;

/** One page of a project's annotations matching `filter`, by document then position, with context. */
async function annotationPage(projectId: string, filter: Partial<AnnotationFilter>, page: Page): Promise<ReviewQueuePage> {
  const where = annotationFilterSql(projectId, filter);
  const { rows: counted } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM annotations a WHERE ${where.where}`,
    where.params,
  );
  const params = [...where.params];
  const after = afterCursorSql(ANNOTATION_ORDER, page.cursor, params);
  params.push(page.limit + 1);
  const { rows } = await pool().query<{ view: AnnotationView & { documentTitle: string } }>(
    `SELECT ${annotationViewSql({ documentTitle: "d.title" })} AS view FROM ${annotationJoins()} JOIN documents d ON d.id = a.document_id
      WHERE ${where.where}${after}
      ORDER BY ${ANNOTATION_ORDER.map((c) => c.sql).join(", ")}
      LIMIT $${params.length}`,
    params,
  );
  const { items: views, nextCursor } = toPage(
    rows,
    page.limit,
    ({ view: v }) => [v.documentId, v.start, v.end, v.id],
    (row) => row.view,
  );
  return { items: await withReviewContext(views), nextCursor, total: counted[0]?.n ?? 0 };
}

/** The review queue: pending annotations by default, filtered like exports. */
export async function reviewQueue(actor: Actor, projectId: string, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  await projectAccess(actor, projectId, "project.read");
  const { cursor, limit, ...filter } = query;
  return annotationPage(projectId, { ...filter, author: await layerAuthor(actor, projectId, filter.author) }, { cursor, limit });
}

/** How many annotations of the project wait for review (the Review tab's count): a count, no rows. */
export async function pendingCount(actor: Actor, projectId: string): Promise<number> {
  await projectAccess(actor, projectId, "project.read");
  const where = annotationFilterSql(projectId, { status: "pending", author: await layerAuthor(actor, projectId) });
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM annotations a WHERE ${where.where}`, where.params);
  return rows[0]?.n ?? 0;
}

/** Every annotation attributed to a speaker, across the project's documents (any status unless asked). */
export async function speakerAnnotations(actor: Actor, speakerId: string, query: SpeakerAnnotationsQuery): Promise<ReviewQueuePage> {
  const { projectId } = await speakerAccess(actor, speakerId, "project.read");
  const { cursor, limit, status } = query;
  return annotationPage(projectId, { speakerId, status, author: await layerAuthor(actor, projectId) }, { cursor, limit });
}
