// POST /api/v1/speakers/{speakerId}/merge {into}: every annotation of this speaker goes to `into`,
// this speaker's name and aliases become aliases of `into`, and this speaker is deleted.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { mergeSpeaker } from "@/lib/speakers/merge-speakers";
import { mergeSpeakerSchema } from "@/lib/validation/schemas";

export const POST = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  return json(await mergeSpeaker({ actor, speakerId, input: jsonInput(request, mergeSpeakerSchema) }));
});
