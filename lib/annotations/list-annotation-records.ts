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
import { annotationJoins } from "./annotation-view";

/** Each field of the record and its column, from annotation `a` and author `u` (see annotationJoins). */
const RECORD_COLUMNS = {
  id: "a.id",
  label: "a.label",
  quoteKind: "a.quote_kind",
  start: "a.start",
  end: 'a."end"',
  speakerId: "a.speaker_id",
  note: "a.note",
  status: "a.status",
  author: { id: "u.id", name: "u.name" },
  version: "a.version",
} as const satisfies Record<keyof UnquotedRecord, string | Record<keyof UnquotedRecord["author"], string>>;

type Row = Omit<UnquotedRecord, "author"> & { authorId: string; authorName: string };

const { author: AUTHOR, ...OWN_COLUMNS } = RECORD_COLUMNS;
const SELECT = [
  ...Object.entries(OWN_COLUMNS).map(([field, column]) => `${column} AS "${field}"`),
  `${AUTHOR.id} AS "authorId"`,
  `${AUTHOR.name} AS "authorName"`,
].join(", ");

export async function listAnnotationRecords(actor: Actor, documentId: string): Promise<UnquotedRecord[]> {
  await documentAccess(actor, documentId, "project.read");
  const { rows } = await pool().query<Row>(
    `SELECT ${SELECT} FROM ${annotationJoins()} WHERE a.document_id = $1 ORDER BY a.start, a."end", a.id`,
    [documentId],
  );
  // One author object per author, shared by their annotations.
  const authors = new Map<string, UnquotedRecord["author"]>();
  return rows.map((row) => {
    let author = authors.get(row.authorId);
    if (!author) authors.set(row.authorId, (author = { id: row.authorId, name: row.authorName }));
    // Spelt out, not spread: 20,000 spreads cost more than the query.
    const { id, label, quoteKind, start, end, speakerId, note, status, version } = row;
    return { id, label, quoteKind, start, end, speakerId, note, status, author, version };
  });
}
