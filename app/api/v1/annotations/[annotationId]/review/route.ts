// POST /api/v1/annotations/{annotationId}/review {status, reason?}: reviewers and owners accept,
// reject or reset an annotation, without touching its content or version.

import { requireActor } from "@/lib/auth/authenticate";
import { reviewAnnotation } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { reviewSchema } from "@/lib/validation/schemas";

export const POST = apiRoute<{ annotationId: string }>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json(await reviewAnnotation({ actor, annotationId, input: jsonInput(request, reviewSchema) }));
});
