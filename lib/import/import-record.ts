// What every import format is read into before anything is written: one span with a reference to
// where it came from (line or item), so a failing record can be reported precisely.

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

export interface ImportError {
  ref: string;
  reason: string;
}

export interface ImportReport {
  format: "json" | "jsonl" | "w3c";
  documents: { created: number; failed: number };
  speakers: { created: number; matched: number };
  annotations: { created: number; failed: number };
  /** The first MAX_REPORTED_ERRORS problems; `errorCount` has them all. */
  errors: ImportError[];
  errorCount: number;
}

export const MAX_REPORTED_ERRORS = 1000;

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
