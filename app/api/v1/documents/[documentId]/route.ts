// GET /api/v1/documents/{documentId}

import { requireActor } from "@/lib/auth/authenticate";
import { getDocument } from "@/lib/documents/documents";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await getDocument(actor, documentId));
});
