// GET /api/v1/projects/{projectId}/documents?cursor&limit; POST {title, text, sourceUrl?, publishedAt?}.

import { requireActor } from "@/lib/auth/authenticate";
import { createDocument, listDocuments } from "@/lib/documents/documents";
import { apiRoute, json } from "@/lib/http/api-route";
import { DOCUMENT_BODY_LIMIT, jsonInput } from "@/lib/http/read-body";
import { parseQuery } from "@/lib/http/query";
import { createDocumentSchema, pageQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const page = await listDocuments(actor, projectId, parseQuery(pageQuerySchema, request));
  return json({ documents: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const input = jsonInput(request, createDocumentSchema, DOCUMENT_BODY_LIMIT);
  return json(await createDocument({ actor, projectId, input }), 201);
});
