// POST /api/v1/invitations/{invitationId}/accept: the invitee joins the project with the role offered.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { acceptInvitation } from "@/lib/projects/invitations";

export const POST = apiRoute<{ invitationId: string }>(async (request, { invitationId }) => {
  const actor = await requireActor(request);
  return json(await acceptInvitation(actor, invitationId));
});
