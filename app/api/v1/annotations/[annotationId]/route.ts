// GET, PATCH {version, ...fields} and DELETE /api/v1/annotations/{annotationId}.

import { annotationAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { parseInput } from "@/lib/validation/parse-input";
import { updateAnnotationSchema } from "@/lib/validation/schemas";

type Params = { annotationId: string };

export const GET = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  await annotationAccess(actor, annotationId, "project.read");
  return json(await getAnnotation(annotationId));
});

export const PATCH = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  const { role } = await annotationAccess(actor, annotationId, "annotation.editOwn");
  const input = parseInput(updateAnnotationSchema, await readJson(request));
  return json(await updateAnnotation({ actor, role, annotationId, input }));
});

export const DELETE = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  const { role } = await annotationAccess(actor, annotationId, "annotation.deleteOwn");
  await deleteAnnotation({ actor, role, annotationId });
  return noContent();
});
