// GET /api/v1/documents/{documentId}/suggestions lists the pending ones; POST computes them anew.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { computeSuggestions, listSuggestions } from "@/lib/suggestions/suggestions";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json({ suggestions: await listSuggestions(actor, documentId) });
});

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json({ suggestions: await computeSuggestions(actor, documentId) });
});
