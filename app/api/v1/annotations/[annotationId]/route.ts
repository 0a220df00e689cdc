// GET (?format=w3c: as a W3C Web Annotation), PATCH {version, ...fields} and DELETE /api/v1/annotations/{annotationId}.

import { requireActor } from "@/lib/auth/authenticate";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { FORMAT_CATALOG } from "@/lib/formats/catalog";
import { getW3cAnnotation } from "@/lib/formats/w3c/standalone";
import { parseQuery } from "@/lib/http/query";
import { publicOrigin } from "@/lib/http/public-origin";
import { annotationQuerySchema, updateAnnotationSchema } from "@/lib/validation/schemas";

type Params = { annotationId: string };

export const GET = apiRoute<Params>(async (request, { annotationId }) => {
  const actor = await requireActor(request);
  const { format } = parseQuery(annotationQuerySchema, request);
  if (format === "w3c") {
    const annotation = await getW3cAnnotation(actor, annotationId, publicOrigin(request));
    return json(annotation, 200, { "Content-Type": FORMAT_CATALOG.w3c.contentType });
  }
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
