// POST /api/v1/annotations/{annotationId}/restore: undoes a deletion (same id, author and history).

import { requireActor } from "@/lib/auth/authenticate";
import { restoreAnnotation } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute<{ annotationId: string }>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json(await restoreAnnotation({ actor, annotationId }), 201);
});
