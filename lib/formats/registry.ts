// What is behind each format of the catalog (catalog.ts): its export writer and, when it can be
// read back, its import reader. Typed so that every exporting format of the catalog has a writer
// and every importing one a reader — a new format is a folder, a catalog entry and a line here.

import type { ExportFormat } from "../export/export-types";
import type { ImportSession } from "../import/import-session";
import { bratFormat } from "./brat/writer";
import type { ExportFormatId, ImportFormatId } from "./catalog";
import { csvFormat } from "./csv/writer";
import { importDoccano } from "./doccano/reader";
import { doccanoFormat } from "./doccano/writer";
import { importJsonExport } from "./json/reader";
import { jsonFormat } from "./json/writer";
import { importJsonLines } from "./jsonl/reader";
import { jsonlFormat } from "./jsonl/writer";
import { importLabelStudio } from "./labelstudio/reader";
import { labelStudioFormat } from "./labelstudio/writer";
import { schemaOrgFormat } from "./schemaorg/writer";
import { spacyFormat } from "./spacy/writer";
import { importW3c } from "./w3c/reader";
import { w3cFormat } from "./w3c/writer";

export const EXPORT_WRITERS = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  w3c: w3cFormat,
  brat: bratFormat,
  spacy: spacyFormat,
  labelstudio: labelStudioFormat,
  doccano: doccanoFormat,
  schemaorg: schemaOrgFormat,
} as const satisfies Record<ExportFormatId, ExportFormat>;

/** A reader of a whole parsed JSON body, or of a byte stream read as it arrives. */
export type ImportReader =
  | { input: "json"; read(session: ImportSession, body: unknown): Promise<void> }
  | { input: "stream"; read(session: ImportSession, body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> };

export const IMPORT_READERS = {
  json: { input: "json", read: importJsonExport },
  jsonl: { input: "stream", read: importJsonLines },
  w3c: { input: "json", read: importW3c },
  labelstudio: { input: "json", read: importLabelStudio },
  doccano: { input: "stream", read: importDoccano },
} as const satisfies Record<ImportFormatId, ImportReader>;
