// GET /api/v1/projects/{projectId}/speakers?q=; POST {name, aliases?, kind?, description?}.
// POST …?existing=return answers 200 with the speaker already named so (ignoring case and
// spacing) instead of 409: how the workspace creates a speaker typed in its combobox.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { jsonInput } from "@/lib/http/read-body";
import { createSpeaker, ensureSpeaker, listSpeakers } from "@/lib/speakers/speakers";
import { createSpeakerQuerySchema, createSpeakerSchema, speakerListQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { q, ...page } = parseQuery(speakerListQuerySchema, request);
  const found = await listSpeakers(actor, projectId, q, page);
  return json({ speakers: found.items, nextCursor: found.nextCursor });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { existing } = parseQuery(createSpeakerQuerySchema, request);
  const input = jsonInput(request, createSpeakerSchema);
  if (existing === "return") {
    const { speaker, created } = await ensureSpeaker({ actor, projectId, input });
    return json(speaker, created ? 201 : 200);
  }
  return json(await createSpeaker({ actor, projectId, input }), 201);
});
