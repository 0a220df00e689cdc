// GET /api/v1/projects/{projectId}/review-queue?status=pending&documentId&speakerId&label&author&cursor&limit
// Annotations to review, by document then position, each with its sentence and attribution hint.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { reviewQueue } from "@/lib/review/review-queue";
import { reviewQueueQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await reviewQueue(actor, projectId, parseQuery(reviewQueueQuerySchema, request)));
});
