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

// The hot path of scripts and of the workspace: createAnnotation checks membership in the same
// statement that writes, so a valid request costs one database round trip.
export const POST = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  let input;
  try {
    input = parseInput(createAnnotationSchema, await readJson(request));
  } catch (error) {
    await documentAccess(actor, documentId, "annotation.create"); // non-members get 404, not 4xx details
    throw error;
  }
  return json(await createAnnotation({ actor, documentId, input }), 201);
});
