// DELETE /api/v1/invitations/{invitationId}: the invitee declines, or an owner cancels.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, noContent } from "@/lib/http/api-route";
import { deleteInvitation } from "@/lib/projects/invitations";

export const DELETE = apiRoute<{ invitationId: string }>(async (request, { invitationId }) => {
  const actor = await requireActor(request);
  await deleteInvitation(actor, invitationId);
  return noContent();
});
