// GET /api/v1/projects/{projectId}/export?format=…&cells=safe|raw&documentId&label&speakerId&status&author&q&from&to
// Streams the file as it is read from the database.

import { requireActor } from "@/lib/auth/authenticate";
import { exportProject } from "@/lib/export/export-project";
import { attachmentHeader } from "@/lib/http/attachment";
import { apiRoute } from "@/lib/http/api-route";
import { publicOrigin } from "@/lib/http/public-origin";
import { parseQuery } from "@/lib/http/query";
import { exportQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { format: formatId, cells, ...filter } = parseQuery(exportQuerySchema, request);
  const file = await exportProject({ actor, projectId, formatId, filter, cells, baseUrl: publicOrigin(request) });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
