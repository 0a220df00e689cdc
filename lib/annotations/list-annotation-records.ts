// The document page's read of a document's annotations: the one view projection
// (annotation-view.ts) less the fields the workspace does without (see annotation-record.ts), in
// text order. Dropping them in the query keeps 20,000 annotations' quotes and context out of the
// rows the server receives and parses for the page.

import { documentAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { pool } from "../db/client";
import type { UnquotedRecord } from "./annotation-record";
import { annotationJoins, annotationViewSql, type AnnotationView } from "./annotation-view";

/** Every field of the view that the record lacks (the compiler checks the list is exact). */
const LEFT_OUT = {
  documentId: true,
  exact: true,
  prefix: true,
  suffix: true,
  speaker: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Record<Exclude<keyof AnnotationView, keyof UnquotedRecord>, true>;

const RECORD_SQL = `(${annotationViewSql()})::jsonb - $2::text[]`;

export async function listAnnotationRecords(actor: Actor, documentId: string): Promise<UnquotedRecord[]> {
  await documentAccess(actor, documentId, "project.read");
  const { rows } = await pool().query<{ record: UnquotedRecord }>(
    `SELECT ${RECORD_SQL} AS record FROM ${annotationJoins()} WHERE a.document_id = $1 ORDER BY a.start, a."end", a.id`,
    [documentId, Object.keys(LEFT_OUT)],
  );
  return rows.map((row) => row.record);
}
