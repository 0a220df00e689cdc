// GET /api/v1/documents/{documentId}/annotations (ordered by start, end); POST creates one.

import { requireActor } from "@/lib/auth/authenticate";
import { createAnnotation, listAnnotations, streamAnnotations } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { parseQuery } from "@/lib/http/query";
import { annotationListQuerySchema, createAnnotationSchema } from "@/lib/validation/schemas";

// Without cursor or limit: every annotation, streamed (the workspace needs them all); else a page.
export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  const { cursor, limit, author } = parseQuery(annotationListQuerySchema, request);
  if (cursor === undefined && limit === undefined) {
    return new Response(await streamAnnotations(actor, documentId, author), {
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  const page = await listAnnotations(actor, documentId, { cursor, limit: limit ?? 100 }, author);
  return json({ annotations: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await createAnnotation({ actor, documentId, input: jsonInput(request, createAnnotationSchema) }), 201);
});
