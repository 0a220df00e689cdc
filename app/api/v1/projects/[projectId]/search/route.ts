// GET /api/v1/projects/{projectId}/search?q&in&sort&from&to&documentId&speakerId&label&status&author&cursor&limit
// Annotations (or documents) matching the words, with highlights; facets on the first page.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { search } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await search(actor, projectId, parseQuery(searchQuerySchema, request)));
});
