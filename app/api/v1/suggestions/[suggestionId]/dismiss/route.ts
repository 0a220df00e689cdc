// POST /api/v1/suggestions/{suggestionId}/dismiss: hides the suggestion for its document.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, noContent } from "@/lib/http/api-route";
import { dismissSuggestion } from "@/lib/suggestions/suggestions";

export const POST = apiRoute<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  await dismissSuggestion(actor, suggestionId);
  return noContent();
});
