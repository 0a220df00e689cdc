// GET /api/v1/projects: the caller's projects. POST {name}: a new project owned by the caller.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { createProject, listProjects } from "@/lib/projects/projects";
import { parseQuery } from "@/lib/http/query";
import { createProjectSchema, pageQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  const page = await listProjects(actor, parseQuery(pageQuerySchema, request));
  return json({ projects: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json(await createProject(actor, jsonInput(request, createProjectSchema)), 201);
});
