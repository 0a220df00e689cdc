// GET /api/v1/me: the caller's account.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json(actor);
});
