// POST /api/v1/projects/{projectId}/documents/from-url {url, preview?}: fetches the page, extracts
// its article; 201 with the created document, or 200 {preview} with what would be created.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { importFromUrl } from "@/lib/url-import/import-from-url";
import { importUrlSchema } from "@/lib/validation/schemas";

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const input = await jsonInput(request, importUrlSchema)();
  const result = await importFromUrl(actor, projectId, input);
  return "document" in result ? json(result.document, 201) : json(result);
});
