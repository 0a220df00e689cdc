// POST /api/v1/projects/{projectId}/reattribute {annotationIds, speakerId}: gives these annotations
// another speaker (or none) in one go.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { reattribute } from "@/lib/speakers/merge-speakers";
import { reattributeSchema } from "@/lib/validation/schemas";

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await reattribute({ actor, projectId, input: jsonInput(request, reattributeSchema) }));
});
