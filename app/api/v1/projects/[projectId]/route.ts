// GET /api/v1/projects/{projectId}

import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { getProject } from "@/lib/projects/projects";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { role } = await projectAccess(actor, projectId, "project.read");
  return json(await getProject(projectId, role));
});
