// GET /api/v1/projects/{projectId}/agreement?documentId&label&users=id,id&format=json|csv
// Inter-annotator agreement over the documents each pair marked done (reviewers and owners).

import { agreementCsv, agreementQuerySchema, loadAgreement } from "@/lib/agreement/load-agreement";
import { requireActor } from "@/lib/auth/authenticate";
import { attachmentHeader } from "@/lib/http/attachment";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const { format, ...filter } = parseQuery(agreementQuerySchema, request);
  const report = await loadAgreement({ actor, projectId, ...filter });
  if (format === "json") return json(report);
  return new Response(agreementCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentHeader("agreement.csv"),
      "Cache-Control": "no-store",
    },
  });
});
