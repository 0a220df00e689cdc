// GET /api/v1/projects/{projectId}

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { getProject } from "@/lib/projects/projects";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await getProject(actor, projectId));
});
