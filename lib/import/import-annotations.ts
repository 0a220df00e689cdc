// One import request: the caller's access is checked before anything is read; the format comes
// from ?format, else the body's media type (parameters ignored: application/ld+json with the anno
// profile is w3c), else the parsed content; its reader (lib/formats/registry.ts) feeds the session.
// Once every record is written, the documents it created get their suggestions when wanted.

import type { Actor } from "../auth/authenticate";
import { badRequest } from "../errors/domain-error";
import { FORMAT_CATALOG, importFormatOfMediaType, type ImportFormatId } from "../formats/catalog";
import { IMPORT_READERS } from "../formats/registry";
import type { ImportReport } from "./import-record";
import { ImportSession } from "./import-session";

/** json and w3c are parsed whole; jsonl streams and may be larger. */
export const WHOLE_IMPORT_LIMIT = 256 * 1024 * 1024;
export const STREAMED_IMPORT_LIMIT = 2 * 1024 * 1024 * 1024;

export interface ImportRequest {
  actor: Actor;
  projectId: string;
  /** ?format=, when given. */
  format?: ImportFormatId;
  /** ?suggest=: suggestions for the documents the import creates (also when the project has autoSuggest on). */
  suggest?: boolean;
  contentType: string | null;
  /** The body, for a format read as it streams in. */
  stream: ReadableStream<Uint8Array> | null;
  /** The body parsed whole as JSON (up to WHOLE_IMPORT_LIMIT), for the other formats. */
  json: () => Promise<unknown>;
}

/** The format of a parsed body that does not say: a json export has documents; Label Studio tasks; W3C has its shapes. */
function formatOfContent(body: unknown): ImportFormatId {
  const object = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (Array.isArray(object.documents)) return "json";
  // Label Studio exports a list of tasks, each with its data and annotations (or predictions).
  const first: unknown = Array.isArray(body) ? body[0] : null;
  if (typeof first === "object" && first !== null && "data" in first && ("annotations" in first || "predictions" in first)) {
    return "labelstudio";
  }
  if (Array.isArray(body) || "@context" in object || "type" in object) return "w3c";
  const names = Object.keys(FORMAT_CATALOG).filter((id) => FORMAT_CATALOG[id as ImportFormatId]?.imports);
  throw badRequest(`Could not tell the import format; add ?format=${names.join(", ")}.`);
}

export async function importAnnotations(request: ImportRequest): Promise<ImportReport> {
  const session = await ImportSession.start(request.actor, request.projectId);
  let format = request.format ?? importFormatOfMediaType(request.contentType);
  const reader = format ? IMPORT_READERS[format] : null;
  if (format && reader?.input === "stream") {
    session.setFormat(format);
    await reader.read(session, request.stream, STREAMED_IMPORT_LIMIT);
    await session.suggestForCreatedDocuments(request.suggest);
    return session.report;
  }
  const body = await request.json();
  format ??= formatOfContent(body);
  const whole = IMPORT_READERS[format];
  if (whole.input !== "json") throw badRequest(`${format} is read as a stream; send it with ?format=${format}.`);
  session.setFormat(format);
  await whole.read(session, body);
  await session.suggestForCreatedDocuments(request.suggest);
  return session.report;
}
