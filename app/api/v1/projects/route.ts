// GET /api/v1/projects: the caller's projects. POST {name}: a new project owned by the caller.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { createProject, listProjects } from "@/lib/projects/projects";
import { parseInput } from "@/lib/validation/parse-input";
import { createProjectSchema } from "@/lib/validation/schemas";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ projects: await listProjects(actor.id) });
});

export const POST = apiRoute(async (request) => {
  const actor = await requireActor(request);
  const { name } = parseInput(createProjectSchema, await readJson(request));
  return json(await createProject(actor.id, name), 201);
});
