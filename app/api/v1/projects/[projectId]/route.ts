// GET /api/v1/projects/{projectId}; PATCH its settings; DELETE with the name typed again.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { deleteProject, getProject, updateProject } from "@/lib/projects/projects";
import { deleteProjectSchema, updateProjectSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await getProject(actor, projectId));
});

// PATCH {autoSuggest?}: the project's settings (owners).
export const PATCH = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await updateProject({ actor, projectId, input: jsonInput(request, updateProjectSchema) }));
});

// DELETE {confirm: <the project's name>}: deletes the project and everything in it (owners).
export const DELETE = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await deleteProject({ actor, projectId, input: jsonInput(request, deleteProjectSchema) });
  return noContent();
});
