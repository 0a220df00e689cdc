// An annotation as the workspace keeps it, and the compact form in which the document page hands a
// document's annotations to the browser. The record is the API's view without what the workspace
// does without: the quote's context and timestamps, the document (it holds one document's) and the
// speaker's name (it holds the speakers). The packed form also leaves out the quote itself, which
// the browser slices from the text it has anyway, and spells each annotation as a handful of
// numbers and its id: 20,000 annotations are ≈1.4 MB instead of ≈12 MB of views. Pure.

import { ANNOTATION_STATUSES, LABELS, QUOTE_KINDS } from "../model/vocabulary";
import type { CodePointIndex } from "../text/code-points";
import type { AnnotationView } from "./annotation-view";

export type AnnotationRecord = Pick<
  AnnotationView,
  | "id"
  | "label"
  | "quoteKind"
  | "start"
  | "end"
  | "exact"
  | "speakerId"
  | "note"
  | "status"
  | "reviewedBy"
  | "reviewedAt"
  | "reviewReason"
  | "author"
  | "version"
> & {
  /** In the curated (gold) layer (lib/curation/); absent when not. */
  curated?: boolean;
};

/** What the packed form carries: a record but its quote. */
export type UnquotedRecord = Omit<AnnotationRecord, "exact">;

/** The record's own fields (a view carries more). */
export function toRecord(view: AnnotationRecord): AnnotationRecord {
  const { id, label, quoteKind, start, end, exact, speakerId, note, status, reviewedBy, reviewedAt, reviewReason, author, version } = view;
  const record: AnnotationRecord = {
    id,
    label,
    quoteKind,
    start,
    end,
    exact,
    speakerId,
    note,
    status,
    reviewedBy,
    reviewedAt,
    reviewReason,
    author,
    version,
  };
  if (view.curated) record.curated = true;
  return record;
}

/** JSON text; only packAnnotations makes one. */
export type PackedAnnotations = string & { readonly __packedAnnotations: true };

/**
 * The JSON: people (authors and reviewers) and speaker ids listed once, then per annotation, in
 * the given order, fourteen values: id, label (index in LABELS), start (as the distance from the
 * previous start: small numbers when sorted), length, speaker (index, -1 for none), author
 * (index), status (index in ANNOTATION_STATUSES), version, quote kind (index in QUOTE_KINDS, -1
 * for none), note, reviewer (index, -1 for none), reviewedAt, review reason, curated (1, else 0).
 */
interface Packed {
  authors: [string, string][];
  speakers: string[];
  rows: (string | number | null)[];
}
const FIELDS = 14;

function indexer<T>(): { list: T[]; of: (value: T) => number } {
  const positions = new Map<T, number>();
  const list: T[] = [];
  return {
    list,
    of(value) {
      let at = positions.get(value);
      if (at === undefined) {
        positions.set(value, (at = list.length));
        list.push(value);
      }
      return at;
    },
  };
}

export function packAnnotations(records: readonly UnquotedRecord[]): PackedAnnotations {
  const authors = indexer<string>();
  const authorNames = new Map<string, string>();
  const speakers = indexer<string>();
  const rows: Packed["rows"] = [];
  let previousStart = 0;
  for (const r of records) {
    authorNames.set(r.author.id, r.author.name);
    if (r.reviewedBy) authorNames.set(r.reviewedBy.id, r.reviewedBy.name);
    rows.push(
      r.id,
      LABELS.indexOf(r.label),
      r.start - previousStart,
      r.end - r.start,
      r.speakerId === null ? -1 : speakers.of(r.speakerId),
      authors.of(r.author.id),
      ANNOTATION_STATUSES.indexOf(r.status),
      r.version,
      r.quoteKind === null ? -1 : QUOTE_KINDS.indexOf(r.quoteKind),
      r.note,
      r.reviewedBy === null ? -1 : authors.of(r.reviewedBy.id),
      r.reviewedAt,
      r.reviewReason,
      r.curated ? 1 : 0,
    );
    previousStart = r.start;
  }
  const packed: Packed = {
    authors: authors.list.map((id) => [id, authorNames.get(id) as string]),
    speakers: speakers.list,
    rows,
  };
  return JSON.stringify(packed) as PackedAnnotations;
}

function pick<T>(list: readonly T[], index: unknown, what: string): T {
  const value = typeof index === "number" ? list[index] : undefined;
  if (value === undefined) throw new Error(`packed annotations: no ${what} #${String(index)}`);
  return value;
}

/** The records again, each with its quote sliced from the document's text. */
export function unpackAnnotations(packed: PackedAnnotations, text: CodePointIndex): AnnotationRecord[] {
  const { authors: authorList, speakers, rows } = JSON.parse(packed) as Packed;
  // One object per author, shared by their annotations.
  const authors = authorList.map(([id, name]) => ({ id, name }));
  const records: AnnotationRecord[] = new Array(rows.length / FIELDS);
  let start = 0;
  for (let i = 0, n = 0; i < rows.length; i += FIELDS, n++) {
    start += rows[i + 2] as number;
    const end = start + (rows[i + 3] as number);
    const speaker = rows[i + 4] as number;
    const quoteKind = rows[i + 8] as number;
    const reviewer = rows[i + 10] as number;
    records[n] = {
      id: rows[i] as string,
      label: pick(LABELS, rows[i + 1], "label"),
      quoteKind: quoteKind < 0 ? null : pick(QUOTE_KINDS, quoteKind, "quote kind"),
      start,
      end,
      exact: text.slice(start, end),
      speakerId: speaker < 0 ? null : pick(speakers, speaker, "speaker"),
      note: rows[i + 9] as string | null,
      status: pick(ANNOTATION_STATUSES, rows[i + 6], "status"),
      reviewedBy: reviewer < 0 ? null : pick(authors, reviewer, "reviewer"),
      reviewedAt: rows[i + 11] as string | null,
      reviewReason: rows[i + 12] as string | null,
      author: pick(authors, rows[i + 5], "author"),
      version: rows[i + 7] as number,
    };
    if (rows[i + 13] === 1) (records[n] as AnnotationRecord).curated = true;
  }
  return records;
}
