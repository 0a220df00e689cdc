// GET /api/v1/projects/{projectId}; DELETE with the name typed again.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { deleteProject, getProject } from "@/lib/projects/projects";
import { deleteProjectSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await getProject(actor, projectId));
});

// DELETE {confirm: <the project's name>}: deletes the project and everything in it (owners).
export const DELETE = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await deleteProject({ actor, projectId, input: jsonInput(request, deleteProjectSchema) });
  return noContent();
});
