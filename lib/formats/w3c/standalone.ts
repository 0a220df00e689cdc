// One annotation as a standalone W3C Web Annotation (GET /api/v1/annotations/{id}?format=w3c): the
// same object the w3c export writes, with the @context an annotation taken alone must carry.

import { getAnnotation } from "../../annotations/annotations";
import type { Actor } from "../../auth/authenticate";
import { pool } from "../../db/client";
import { toW3cAnnotation, W3C_CONTEXT, type W3cAnnotation } from "./writer";

export async function getW3cAnnotation(actor: Actor, annotationId: string, baseUrl?: string): Promise<W3cAnnotation> {
  const view = await getAnnotation(actor, annotationId);
  const { rows } = await pool().query<{ title: string; kind: "person" | "organization" | null }>(
    "SELECT d.title, s.kind FROM documents d LEFT JOIN speakers s ON s.id = $2 WHERE d.id = $1",
    [view.documentId, view.speaker?.id ?? null],
  );
  const row = rows[0];
  return { "@context": W3C_CONTEXT, ...toW3cAnnotation({ ...view, documentTitle: row?.title ?? "" }, baseUrl, row?.kind ?? undefined) };
}
