// GET /api/v1/projects/{projectId}/documents; POST {title, text, sourceUrl?, publishedAt?}.

import { requireActor } from "@/lib/auth/authenticate";
import { createDocument, listDocuments } from "@/lib/documents/documents";
import { apiRoute, json } from "@/lib/http/api-route";
import { DOCUMENT_BODY_LIMIT, jsonInput } from "@/lib/http/read-body";
import { createDocumentSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json({ documents: await listDocuments(actor, projectId) });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const input = jsonInput(request, createDocumentSchema, DOCUMENT_BODY_LIMIT);
  return json(await createDocument({ actor, projectId, input }), 201);
});
