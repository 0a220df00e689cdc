// POST /api/v1/projects/{projectId}/import?format=json|jsonl|w3c&suggest=true
// Imports annotations (and, from a json export, documents and speakers). Every span is checked
// against its document's text; bad records are reported and not written, good ones are kept.
// Answers 200 with a report: counts, and each failed record's line or item and why.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-body";
import { importAnnotations, WHOLE_IMPORT_LIMIT } from "@/lib/import/import-annotations";
import { importQuerySchema } from "@/lib/validation/schemas";

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { format, suggest } = parseQuery(importQuerySchema, request);
  const report = await importAnnotations({
    actor,
    projectId,
    format,
    suggest,
    contentType: request.headers.get("content-type"),
    stream: request.body,
    json: () => readJson(request, WHOLE_IMPORT_LIMIT),
  });
  return json(report);
});
