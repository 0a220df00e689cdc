// GET /api/v1/documents/{documentId}/annotations (ordered by start, end); POST creates one.

import { requireActor } from "@/lib/auth/authenticate";
import { createAnnotation, listAnnotations } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { createAnnotationSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json({ annotations: await listAnnotations(actor, documentId) });
});

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await createAnnotation({ actor, documentId, input: jsonInput(request, createAnnotationSchema) }), 201);
});
