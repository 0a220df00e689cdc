// GET /api/v1/projects/{projectId}/assignments: the documents with assignees; POST
// {perDocument, userIds, documentIds?} hands documents out round-robin (owners).

import { assignDocuments, listProjectAssignments } from "@/lib/assignments/assignments";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { assignDocumentsSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json({ documents: await listProjectAssignments(actor, projectId) });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await assignDocuments({ actor, projectId, input: jsonInput(request, assignDocumentsSchema) }));
});
