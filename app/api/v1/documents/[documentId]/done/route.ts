// POST /api/v1/documents/{documentId}/done marks the caller's work on the document finished;
// DELETE takes that back.

import { markDone } from "@/lib/assignments/assignments";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await markDone(actor, documentId, true));
});

export const DELETE = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await markDone(actor, documentId, false));
});
