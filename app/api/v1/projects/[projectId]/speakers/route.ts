// GET /api/v1/projects/{projectId}/speakers?q=; POST {name, aliases?, kind?, description?}.

import { z } from "zod";
import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-body";
import { createSpeaker, listSpeakers } from "@/lib/speakers/speakers";
import { parseInput } from "@/lib/validation/parse-input";
import { createSpeakerSchema } from "@/lib/validation/schemas";

const querySchema = z.strictObject({ q: z.string().max(200).optional() });

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "project.read");
  const { q } = parseQuery(querySchema, request);
  return json({ speakers: await listSpeakers(projectId, q) });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "speaker.create");
  const input = parseInput(createSpeakerSchema, await readJson(request));
  return json(await createSpeaker(projectId, input), 201);
});
