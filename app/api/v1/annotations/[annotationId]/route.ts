// GET, PATCH {version, ...fields} and DELETE /api/v1/annotations/{annotationId}.

import { requireActor } from "@/lib/auth/authenticate";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { updateAnnotationSchema } from "@/lib/validation/schemas";

type Params = { annotationId: string };

export const GET = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json(await getAnnotation(actor, annotationId));
});

export const PATCH = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  return json(await updateAnnotation({ actor, annotationId, input: jsonInput(request, updateAnnotationSchema) }));
});

export const DELETE = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  await deleteAnnotation({ actor, annotationId });
  return noContent();
});
