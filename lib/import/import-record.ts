// What every import format is read into before anything is written: one span with a reference to
// where it came from (line or item), so a failing record can be reported precisely.

import { z } from "zod";
import { IMPORT_FORMAT_IDS } from "../formats/catalog";
import type { SpanSelectors } from "../text/anchor";

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
  /**
   * W3C-style selectors, for formats whose offsets are not to be trusted as given: the span is
   * anchored on its document's text (lib/text/anchor.ts) and start/end/exact are ignored.
   */
  selectors?: SpanSelectors;
  /** The cue (reporting verb), code points into the document's text; checked like a span. */
  cueStart?: unknown;
  cueEnd?: unknown;
  /** Or the cue's W3C selectors, anchored like the span's. */
  cueSelectors?: SpanSelectors;
  /**
   * The ids the record had where it came from (its id, its via): when the project already has an
   * annotation with one of them (as its own id or as the id it was imported from), the record is
   * "already present" and nothing is written. The first is stored with the new annotation.
   */
  sourceIds?: string[];
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
  documents: z.object({
    created: z.int(),
    failed: z.int(),
    alreadyPresent: z.int().describe("Documents of the file the project already has (same title and text): reused, not copied."),
    suggested: z
      .int()
      .optional()
      .describe("Created documents whose suggestions were computed (when the import asked for them or the project has autoSuggest on)."),
  }),
  speakers: z.object({ created: z.int(), matched: z.int() }),
  annotations: z.object({
    created: z.int(),
    failed: z.int(),
    alreadyPresent: z.int().describe("Records whose id (or W3C via) the project already has: nothing was written for them."),
    reanchored: z.int().describe("Created where their quote was found with small differences (their offsets did not match)."),
  }),
  errors: z.array(importErrorSchema).describe(`The first ${MAX_REPORTED_ERRORS} problems; errorCount counts them all.`),
  errorCount: z.int(),
  notices: z
    .array(importErrorSchema)
    .describe(
      `The first ${MAX_REPORTED_ERRORS} records imported or skipped with a remark: "already present", "re-anchored", offsets read as UTF-16 units.`,
    ),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export function emptyReport(format: ImportReport["format"]): ImportReport {
  return {
    format,
    documents: { created: 0, failed: 0, alreadyPresent: 0 },
    speakers: { created: 0, matched: 0 },
    annotations: { created: 0, failed: 0, alreadyPresent: 0, reanchored: 0 },
    errors: [],
    errorCount: 0,
    notices: [],
  };
}

export function reportError(report: ImportReport, ref: string, reason: string): void {
  report.errorCount++;
  if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ ref, reason });
}

export function reportNotice(report: ImportReport, ref: string, reason: string): void {
  if (report.notices.length < MAX_REPORTED_ERRORS) report.notices.push({ ref, reason });
}

const UUID_TAIL = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** Our id inside an IRI that ends with one ("urn:uuid:…", "https://…/api/v1/documents/…"), lower case. */
export function uuidOfIri(iri: string): string | null {
  return UUID_TAIL.exec(iri)?.[1]?.toLowerCase() ?? null;
}

/** A record's `id` and `via` (our exports write `id`; W3C tools may add `via`), for ImportSpan.sourceIds. */
export function sourceIdsOf(record: Record<string, unknown>): string[] {
  return [record.id, record.via].filter((id): id is string => typeof id === "string" && id.length > 0);
}

/** A JSON object (not null, not an array): what readers check a record is before reading its fields. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is an array, else none: for optional lists in foreign files. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
