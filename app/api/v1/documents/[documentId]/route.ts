// GET /api/v1/documents/{documentId}

import { documentAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { getDocument } from "@/lib/documents/documents";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  await documentAccess(actor, documentId, "project.read");
  return json(await getDocument(documentId));
});
