// GET /api/v1/me/invitations: the invitations waiting for the caller's email address.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { myInvitations } from "@/lib/projects/invitations";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ invitations: await myInvitations(actor) });
});
