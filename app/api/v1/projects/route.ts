// GET /api/v1/projects: the caller's projects. POST {name}: a new project owned by the caller.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { createProject, listProjects } from "@/lib/projects/projects";
import { createProjectSchema } from "@/lib/validation/schemas";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ projects: await listProjects(actor) });
});

export const POST = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json(await createProject(actor, jsonInput(request, createProjectSchema)), 201);
});
