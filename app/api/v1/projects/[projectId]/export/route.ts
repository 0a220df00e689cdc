// GET /api/v1/projects/{projectId}/export?format=json|jsonl|csv|w3c|brat|spacy&documentId&label&speakerId&status&author
// Streams the file as it is read from the database.

import { z } from "zod";
import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { exportStream } from "@/lib/export/export-stream";
import { EXPORT_FORMATS, attachmentHeader, exportFileName } from "@/lib/export/formats";
import { apiRoute } from "@/lib/http/api-route";
import { publicOrigin } from "@/lib/http/public-origin";
import { parseQuery } from "@/lib/http/query";
import { getProject } from "@/lib/projects/projects";
import { annotationFilterSchema } from "@/lib/validation/schemas";

const querySchema = annotationFilterSchema.extend({
  format: z.enum(Object.keys(EXPORT_FORMATS) as [string, ...string[]]).default("json"),
});

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { role } = await projectAccess(actor, projectId, "project.export");
  const { format: formatId, ...filter } = parseQuery(querySchema, request);
  const format = EXPORT_FORMATS[formatId as string];
  if (!format) throw new Error(`unreachable: format ${formatId}`);
  const project = await getProject(projectId, role);
  const body = exportStream({ projectId, projectName: project.name, formatId: formatId as string, filter, baseUrl: publicOrigin(request) });
  return new Response(body, {
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": attachmentHeader(exportFileName(project.name, format)),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
