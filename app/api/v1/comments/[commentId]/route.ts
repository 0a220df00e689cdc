// PATCH /api/v1/comments/{commentId} {body} (its author); DELETE (its author or an owner).

import { requireActor } from "@/lib/auth/authenticate";
import { deleteComment, updateComment } from "@/lib/comments/comments";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { commentInputSchema } from "@/lib/validation/schemas";

type Params = { commentId: string };

export const PATCH = apiRoute<Params>(async (request, { commentId }) => {
  const actor = await requireActor(request);
  return json(await updateComment({ actor, commentId, input: jsonInput(request, commentInputSchema) }));
});

export const DELETE = apiRoute<Params>(async (request, { commentId }) => {
  const actor = await requireActor(request);
  await deleteComment({ actor, commentId });
  return noContent();
});
