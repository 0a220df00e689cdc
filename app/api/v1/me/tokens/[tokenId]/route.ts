// DELETE /api/v1/me/tokens/{tokenId}: revokes one of the caller's tokens, at once.

import { revokeToken } from "@/lib/auth/account";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, noContent } from "@/lib/http/api-route";

export const DELETE = apiRoute<{ tokenId: string }>(async (request, { tokenId }) => {
  const actor = await requireActor(request);
  await revokeToken(actor, tokenId);
  return noContent();
});
