// One annotation as a standalone W3C Web Annotation (GET /api/v1/annotations/{id}?format=w3c): the
// same object the w3c export writes, with the @context an annotation taken alone must carry.

import { getAnnotation } from "../../annotations/annotations";
import type { Actor } from "../../auth/authenticate";
import { pool } from "../../db/client";
import { DOCUMENT_FIELDS } from "../../export/export-query";
import type { ExportAnnotation } from "../../export/export-types";
import { toW3cAnnotation, W3C_CONTEXT, type W3cAnnotation } from "./writer";

export async function getW3cAnnotation(actor: Actor, annotationId: string, baseUrl?: string): Promise<W3cAnnotation> {
  const view = await getAnnotation(actor, annotationId);
  // The document's fields as the export reads them (title, language, the cue's text), and the speaker's kind.
  const { rows } = await pool().query<{
    fields: Pick<ExportAnnotation, keyof typeof DOCUMENT_FIELDS>;
    kind: "person" | "organization" | null;
  }>(
    `SELECT json_build_object(${Object.entries(DOCUMENT_FIELDS)
      .map(([key, sql]) => `'${key}', ${sql}`)
      .join(", ")}) AS fields, s.kind
       FROM annotations a JOIN documents d ON d.id = a.document_id LEFT JOIN speakers s ON s.id = a.speaker_id
      WHERE a.id = $1`,
    [view.id],
  );
  const row = rows[0];
  const annotation: ExportAnnotation = { ...view, documentTitle: "", ...row?.fields };
  return { "@context": W3C_CONTEXT, ...toW3cAnnotation(annotation, baseUrl, row?.kind ?? undefined) };
}
