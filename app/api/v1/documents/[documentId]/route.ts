// GET /api/v1/documents/{documentId}; PATCH its language; DELETE (owners).

import { requireActor } from "@/lib/auth/authenticate";
import { deleteDocument, getDocument, updateDocument } from "@/lib/documents/documents";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { updateDocumentSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await getDocument(actor, documentId));
});

export const PATCH = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await updateDocument({ actor, documentId, input: jsonInput(request, updateDocumentSchema) }));
});

// DELETE: deletes the document with its annotations and comments (owners).
export const DELETE = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  await deleteDocument(actor, documentId);
  return noContent();
});
