// GET /api/v1/projects/{projectId}/documents; POST {title, text, sourceUrl?, publishedAt?}.

import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { createDocument, listDocuments } from "@/lib/documents/documents";
import { apiRoute, json } from "@/lib/http/api-route";
import { DOCUMENT_BODY_LIMIT, readJson } from "@/lib/http/read-body";
import { parseInput } from "@/lib/validation/parse-input";
import { createDocumentSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "project.read");
  return json({ documents: await listDocuments(projectId) });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "document.create");
  const input = parseInput(createDocumentSchema, await readJson(request, DOCUMENT_BODY_LIMIT));
  return json(await createDocument(projectId, input), 201);
});
