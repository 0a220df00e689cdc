// GET /api/v1/speakers/{speakerId}/annotations?status&cursor&limit: every annotation attributed to
// the speaker, across documents, each in its sentence, a page at a time.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { speakerAnnotations } from "@/lib/review/review-queue";
import { speakerAnnotationsQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ speakerId: string }>(async (request, { speakerId }) => {
  const actor = await requireActor(request);
  return json(await speakerAnnotations(actor, speakerId, parseQuery(speakerAnnotationsQuerySchema, request)));
});
