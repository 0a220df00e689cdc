// POST /api/v1/suggestions/{suggestionId}/accept: the suggestion becomes an annotation (201), or
// answers with the one it already became (200).

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { optionalJsonInput } from "@/lib/http/read-body";
import { acceptSuggestion, acceptSuggestionSchema } from "@/lib/suggestions/suggestions";

export const POST = apiRoute<{ suggestionId: string }>(async (request, { suggestionId }) => {
  const actor = await requireActor(request);
  const { annotation, created } = await acceptSuggestion({
    actor,
    suggestionId,
    input: optionalJsonInput(request, acceptSuggestionSchema),
  });
  return json(annotation, created ? 201 : 200);
});
