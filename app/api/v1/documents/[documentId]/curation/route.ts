// POST /api/v1/documents/{documentId}/curation {"from": annotationId, ...corrections}
// Accepts an annotator's annotation (corrected or not) into the document's curated layer.

import { requireActor } from "@/lib/auth/authenticate";
import { curateAnnotation, curateSchema } from "@/lib/curation/curation";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await curateAnnotation({ actor, documentId, input: jsonInput(request, curateSchema) }), 201);
});
