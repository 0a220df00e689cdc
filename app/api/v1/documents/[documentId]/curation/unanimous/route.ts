// POST /api/v1/documents/{documentId}/curation/unanimous
// Accepts every span all finished annotators agree on into the curated layer, once.

import { requireActor } from "@/lib/auth/authenticate";
import { curateUnanimous } from "@/lib/curation/curation";
import { apiRoute, json } from "@/lib/http/api-route";

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await curateUnanimous(actor, documentId));
});
