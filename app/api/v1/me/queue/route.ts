// GET /api/v1/me/queue: the caller's assigned documents across projects, with their state.

import { myQueue } from "@/lib/assignments/assignments";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { pageQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  const page = await myQueue(actor, parseQuery(pageQuerySchema, request));
  return json({ queue: page.items, nextCursor: page.nextCursor });
});
