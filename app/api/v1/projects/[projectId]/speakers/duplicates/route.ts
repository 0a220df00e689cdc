// GET /api/v1/projects/{projectId}/speakers/duplicates: pairs of speakers that are likely the same
// person or organisation, with the reason.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { speakerDuplicates } from "@/lib/speakers/merge-speakers";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json({ pairs: await speakerDuplicates(actor, projectId) });
});
