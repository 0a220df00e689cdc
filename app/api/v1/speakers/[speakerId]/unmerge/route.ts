// POST /api/v1/speakers/{speakerId}/unmerge: undoes the merge of this (deleted) speaker.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { unmergeSpeaker } from "@/lib/speakers/merge-speakers";

export const POST = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  return json(await unmergeSpeaker({ actor, speakerId }));
});
