// GET /api/v1/speakers/{speakerId}; PATCH partial update (name, aliases, kind, description).

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { getSpeaker, updateSpeaker } from "@/lib/speakers/speakers";
import { updateSpeakerSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  return json(await getSpeaker(actor, speakerId));
});

export const PATCH = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  return json(await updateSpeaker({ actor, speakerId, input: jsonInput(request, updateSpeakerSchema) }));
});
