// The export formats by name, as `?format=` takes them.

import { bratFormat } from "./brat-format";
import { csvFormat } from "./csv-format";
import type { ExportFormat } from "./export-types";
import { jsonFormat } from "./json-format";
import { jsonlFormat } from "./jsonl-format";
import { spacyFormat } from "./spacy-format";
import { w3cFormat } from "./w3c-format";

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  w3c: w3cFormat,
  brat: bratFormat,
  spacy: spacyFormat,
};

export function exportFileName(projectName: string, format: ExportFormat, date = new Date()): string {
  const base =
    projectName
      .normalize("NFKD")
      .replace(/[^\w.-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "project";
  return `${base}-${date.toISOString().slice(0, 10)}.${format.extension}`;
}

/** Content-Disposition for a download, with an RFC 5987 name for non-ASCII project names. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
