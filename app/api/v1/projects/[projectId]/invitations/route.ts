// GET /api/v1/projects/{projectId}/invitations: the project's open invitations (owners).

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { listInvitations } from "@/lib/projects/invitations";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json({ invitations: await listInvitations(actor, projectId) });
});
