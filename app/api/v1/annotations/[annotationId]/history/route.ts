// GET /api/v1/annotations/{annotationId}/history: every change (who, when, before, after), kept
// after the annotation is deleted.

import { requireActor } from "@/lib/auth/authenticate";
import { annotationHistory } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute<{ annotationId: string }>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json({ history: await annotationHistory(actor, annotationId) });
});
