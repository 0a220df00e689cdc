// GET /api/v1/annotations/{annotationId}/comments: the thread, oldest first. POST {body} adds one.

import { requireActor } from "@/lib/auth/authenticate";
import { createComment, listComments } from "@/lib/comments/comments";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { parseQuery } from "@/lib/http/query";
import { commentInputSchema, pageQuerySchema } from "@/lib/validation/schemas";

type Params = { annotationId: string };

export const GET = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  const page = await listComments(actor, annotationId, parseQuery(pageQuerySchema, request));
  return json({ comments: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json(await createComment({ actor, annotationId, input: jsonInput(request, commentInputSchema) }), 201);
});
