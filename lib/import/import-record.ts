// What every import format is read into before anything is written: one span with a reference to
// where it came from (line or item), so a failing record can be reported precisely.

import { z } from "zod";
import { IMPORT_FORMAT_IDS } from "../formats/catalog";

export interface ImportSpeaker {
  name: string;
  aliases?: string[];
  kind?: "person" | "organization";
  description?: string | null;
}

export interface ImportSpan {
  /** "line 12", "documents[0].annotations[3]", "first.items[7]". */
  ref: string;
  /** Which document: ours by id, or by title, or (json import) the one created from documents[i]. */
  document: { id?: string | null; title?: string | null; created?: string };
  label: unknown;
  quoteKind: unknown;
  start: unknown;
  end: unknown;
  exact: unknown;
  speaker: ImportSpeaker | null;
  note: unknown;
  status: unknown;
}

export const MAX_REPORTED_ERRORS = 1000;

export const importErrorSchema = z.object({
  ref: z.string().describe('Where the record is: "line 12", "documents[0].annotations[3]", "first.items[7]".'),
  reason: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** What POST /api/v1/projects/{projectId}/import answers: counts, and each failed record. */
export const importReportSchema = z.object({
  format: z.enum(IMPORT_FORMAT_IDS),
  documents: z.object({ created: z.int(), failed: z.int() }),
  speakers: z.object({ created: z.int(), matched: z.int() }),
  annotations: z.object({ created: z.int(), failed: z.int() }),
  errors: z.array(importErrorSchema).describe(`The first ${MAX_REPORTED_ERRORS} problems; errorCount counts them all.`),
  errorCount: z.int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export function emptyReport(format: ImportReport["format"]): ImportReport {
  return {
    format,
    documents: { created: 0, failed: 0 },
    speakers: { created: 0, matched: 0 },
    annotations: { created: 0, failed: 0 },
    errors: [],
    errorCount: 0,
  };
}

export function reportError(report: ImportReport, ref: string, reason: string): void {
  report.errorCount++;
  if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ ref, reason });
}
