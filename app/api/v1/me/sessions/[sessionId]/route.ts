// DELETE /api/v1/me/sessions/{sessionId}: ends one of the caller's sessions.

import { endSession } from "@/lib/auth/account";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, noContent } from "@/lib/http/api-route";

export const DELETE = apiRoute<{ sessionId: string }>(async (request, { sessionId }) => {
  const actor = await requireActor(request);
  await endSession(actor, sessionId);
  return noContent();
});
