// PUT /api/v1/documents/{documentId}/assignees {userIds}: the document's annotators (owners).

import { setAssignees } from "@/lib/assignments/assignments";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { setAssigneesSchema } from "@/lib/validation/schemas";

export const PUT = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return json(await setAssignees({ actor, documentId, input: jsonInput(request, setAssigneesSchema) }));
});
