// POST /api/v1/projects/{projectId}/import?format=json|jsonl|w3c
// Imports annotations (and, from a json export, documents and speakers). Every span is checked
// against its document's text; bad records are reported and not written, good ones are kept.
// Answers 200 with a report: counts, and each failed record's line or item and why.

import { z } from "zod";
import { requireActor } from "@/lib/auth/authenticate";
import { badRequest } from "@/lib/errors/domain-error";
import { apiRoute, json } from "@/lib/http/api-route";
import { parseQuery } from "@/lib/http/query";
import { readJson } from "@/lib/http/read-body";
import { importJsonExport, importJsonLines, importW3c } from "@/lib/import/import-formats";
import { ImportSession } from "@/lib/import/import-session";

/** json and w3c are parsed whole; jsonl streams and may be larger. */
const WHOLE_BODY_LIMIT = 256 * 1024 * 1024;
const STREAM_LIMIT = 2 * 1024 * 1024 * 1024;

const querySchema = z.strictObject({ format: z.enum(["json", "jsonl", "w3c"]).optional() });

function formatOf(request: Request, requested: "json" | "jsonl" | "w3c" | undefined): "json" | "jsonl" | "w3c" | null {
  if (requested) return requested;
  const type = request.headers.get("content-type") ?? "";
  if (/ndjson|jsonl|jsonlines/i.test(type)) return "jsonl";
  if (/ld\+json/i.test(type)) return "w3c";
  return null; // decided from the parsed body
}

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const session = await ImportSession.start(actor, projectId);
  const { format: requested } = parseQuery(querySchema, request);
  let format = formatOf(request, requested);
  if (format === "jsonl") {
    session.setFormat("jsonl");
    await importJsonLines(session, request.body, STREAM_LIMIT);
    return json(session.report);
  }
  const body = await readJson(request, WHOLE_BODY_LIMIT);
  if (!format) {
    const object = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    if (Array.isArray(object.documents)) format = "json";
    else if (Array.isArray(body) || "@context" in object || typeof object.type === "string") format = "w3c";
    else throw badRequest("Could not tell the import format; add ?format=json, jsonl or w3c.");
  }
  session.setFormat(format);
  if (format === "json") await importJsonExport(session, body);
  else await importW3c(session, body);
  return json(session.report);
});
