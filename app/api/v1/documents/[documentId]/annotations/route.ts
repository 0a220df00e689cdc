// GET /api/v1/documents/{documentId}/annotations (ordered by start, end); POST creates one.

import { documentAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { createAnnotation, listAnnotations } from "@/lib/annotations/annotations";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { parseInput } from "@/lib/validation/parse-input";
import { createAnnotationSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  await documentAccess(actor, documentId, "project.read");
  return json({ annotations: await listAnnotations(documentId) });
});

export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  const { projectId } = await documentAccess(actor, documentId, "annotation.create");
  const input = parseInput(createAnnotationSchema, await readJson(request));
  return json(await createAnnotation({ actor, projectId, documentId, input }), 201);
});
