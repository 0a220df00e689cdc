// GET /api/v1/annotations/{annotationId}/history: every change (who, when, before, after).

import { annotationAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { annotationHistory } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute<{ annotationId: string }>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  await annotationAccess(actor, annotationId, "project.read");
  return json({ history: await annotationHistory(annotationId) });
});
