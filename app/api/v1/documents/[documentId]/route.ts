// GET /api/v1/documents/{documentId}; DELETE (owners).

import { requireActor } from "@/lib/auth/authenticate";
import { deleteDocument, getDocument } from "@/lib/documents/documents";
import { apiRoute, json, noContent } from "@/lib/http/api-route";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await getDocument(actor, documentId));
});

// DELETE: deletes the document with its annotations and comments (owners).
export const DELETE = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  await deleteDocument(actor, documentId);
  return noContent();
});
