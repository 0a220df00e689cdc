// The document page's read of a document's annotations, in text order, as the workspace keeps
// them (annotation-record.ts): the annotation's own columns, no JSON. The API's views are built
// as JSON by the one projection in annotation-view.ts, which suits one annotation or a page of
// them; for a whole long document it does not: PostgreSQL takes 0.5 s to build 20,000 views
// (json_build_object per row, and still 0.25 s for the record's fields alone) where it returns the
// same columns in 0.05 s. The joins are the projection's own; the columns below are checked by the
// compiler against the record, so a field added to the record cannot be forgotten here.

import { documentAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { pool } from "../db/client";
import type { UnquotedRecord } from "./annotation-record";
import { layerAuthor } from "./annotation-visibility";
import { annotationJoins, isoTimestampSql } from "./annotation-view";

/** Each field of the record and its column, from annotation `a`, author `u` and reviewer `r` (see annotationJoins). */
const RECORD_COLUMNS = {
  id: "a.id",
  label: "a.label",
  quoteKind: "a.quote_kind",
  start: "a.start",
  end: 'a."end"',
  speakerId: "a.speaker_id",
  note: "a.note",
  status: "a.status",
  reviewedBy: { id: "r.id", name: "r.name" },
  reviewedAt: isoTimestampSql("a.reviewed_at"),
  reviewReason: "a.review_reason",
  author: { id: "u.id", name: "u.name" },
  version: "a.version",
  curated: "a.curated",
} as const satisfies Record<keyof UnquotedRecord, string | Record<keyof UnquotedRecord["author"], string>>;

type Row = Omit<UnquotedRecord, "author" | "reviewedBy"> & {
  authorId: string;
  authorName: string;
  reviewerId: string | null;
  reviewerName: string | null;
};

const { author: AUTHOR, reviewedBy: REVIEWER, ...OWN_COLUMNS } = RECORD_COLUMNS;
const SELECT = [
  ...Object.entries(OWN_COLUMNS).map(([field, column]) => `${column} AS "${field}"`),
  `${AUTHOR.id} AS "authorId"`,
  `${AUTHOR.name} AS "authorName"`,
  `${REVIEWER.id} AS "reviewerId"`,
  `${REVIEWER.name} AS "reviewerName"`,
].join(", ");

/** `author`: one annotator's layer; an annotator in an independent project gets their own (annotation-visibility.ts). */
export async function listAnnotationRecords(actor: Actor, documentId: string, author?: string): Promise<UnquotedRecord[]> {
  const { projectId } = await documentAccess(actor, documentId, "project.read");
  const layer = await layerAuthor(actor, projectId, author);
  const { rows } = await pool().query<Row>(
    `SELECT ${SELECT} FROM ${annotationJoins()} WHERE a.document_id = $1 AND ($2::text IS NULL OR a.author_id = $2) ORDER BY a.start, a."end", a.id`,
    [documentId, layer ?? null],
  );
  // One object per person, shared by their annotations.
  const people = new Map<string, UnquotedRecord["author"]>();
  const person = (id: string, name: string) => {
    let known = people.get(id);
    if (!known) people.set(id, (known = { id, name }));
    return known;
  };
  return rows.map((row) => {
    const author = person(row.authorId, row.authorName);
    const reviewedBy = row.reviewerId === null ? null : person(row.reviewerId, row.reviewerName ?? "");
    // Spelt out, not spread: 20,000 spreads cost more than the query.
    const { id, label, quoteKind, start, end, speakerId, note, status, reviewedAt, reviewReason, version } = row;
    const record: UnquotedRecord = {
      id,
      label,
      quoteKind,
      start,
      end,
      speakerId,
      note,
      status,
      reviewedBy,
      reviewedAt,
      reviewReason,
      author,
      version,
    };
    if (row.curated) record.curated = true;
    return record;
  });
}
