// GET /api/v1/speakers/{speakerId}; PATCH partial update (name, aliases, kind, description).

import { speakerAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { getSpeaker, updateSpeaker } from "@/lib/speakers/speakers";
import { parseInput } from "@/lib/validation/parse-input";
import { updateSpeakerSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  await speakerAccess(actor, speakerId, "project.read");
  return json(await getSpeaker(speakerId));
});

export const PATCH = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  await speakerAccess(actor, speakerId, "speaker.update");
  const input = parseInput(updateSpeakerSchema, await readJson(request));
  return json(await updateSpeaker(speakerId, input));
});
