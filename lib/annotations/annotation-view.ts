// The annotation as the API shows it (API.md), defined once: its zod schema (the type, and the
// API reference's description) and the one SQL projection that builds it from the tables. Every
// reader — the annotation routes, the workspace, exports, change events and their history — gets
// annotations through annotationViewSql (the export, reading millions, through annotationViewColumns,
// built from the same fields), so a new column is one line in the schema and one here, and the
// compiler checks that the two agree.

import { z } from "zod";
import { ANNOTATION_STATUSES, LABELS, QUOTE_KINDS } from "../model/vocabulary";

const personRef = z.object({ id: z.string(), name: z.string() });

export const annotationViewSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  label: z.enum(LABELS),
  quoteKind: z.enum(QUOTE_KINDS).nullable(),
  /** Code points, half-open. */
  start: z.int(),
  end: z.int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  speakerId: z.string().nullable(),
  speaker: personRef.nullable(),
  /** The cue (reporting verb or phrase), code points, half-open; null when none is marked. Optional in the type so
   *  clients built before cues (and their fixtures) still type-check; the API always sends both. */
  cueStart: z.int().nullable().optional(),
  cueEnd: z.int().nullable().optional(),
  note: z.string().nullable(),
  status: z.enum(ANNOTATION_STATUSES),
  /** Who last set the status (null while pending), when, and why (a rejection's reason). */
  reviewedBy: personRef.nullable(),
  reviewedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  author: personRef,
  /** In the curated (gold) layer: accepted by a curator from an annotator's annotation; who, and when. Optional in the
   *  type, as the cue is, for clients and fixtures from before the curated layer; the API always sends all three. */
  curated: z.boolean().optional(),
  curatedBy: personRef.nullable().optional(),
  curatedAt: z.string().nullable().optional(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type AnnotationView = z.infer<typeof annotationViewSchema>;

/** A timestamp as toISOString() writes it ("2026-11-28T17:39:29.123Z"), in SQL. */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A person in a view: their id and name columns; the field is null when the id is. */
interface PersonColumns {
  readonly id: string;
  readonly name: string;
}

/**
 * Each field of the view and the SQL computing it from annotation `a`, speaker `s`, author `u`,
 * reviewer `r` and curator `cu`: a column, or a person's two.
 */
const VIEW_FIELDS = {
  id: "a.id",
  documentId: "a.document_id",
  label: "a.label",
  quoteKind: "a.quote_kind",
  start: "a.start",
  end: 'a."end"',
  exact: "a.exact",
  prefix: "a.prefix",
  suffix: "a.suffix",
  speakerId: "a.speaker_id",
  speaker: { id: "a.speaker_id", name: "s.name" },
  cueStart: "a.cue_start",
  cueEnd: "a.cue_end",
  note: "a.note",
  status: "a.status",
  reviewedBy: { id: "a.reviewed_by", name: "r.name" },
  reviewedAt: isoTimestampSql("a.reviewed_at"),
  reviewReason: "a.review_reason",
  author: { id: "u.id", name: "u.name" },
  curated: "a.curated",
  curatedBy: { id: "a.curated_by", name: "cu.name" },
  curatedAt: isoTimestampSql("a.curated_at"),
  version: "a.version",
  createdAt: isoTimestampSql("a.created_at"),
  updatedAt: isoTimestampSql("a.updated_at"),
} as const satisfies Record<keyof AnnotationView, string | PersonColumns>;

type Fields = Readonly<Record<string, string | PersonColumns>>;

const personSql = (person: PersonColumns) =>
  `CASE WHEN ${person.id} IS NULL THEN NULL ELSE json_build_object('id', ${person.id}, 'name', ${person.name}) END`;

/**
 * SQL for one annotation view as a JSON value (keys in the schema's order), over annotation `a`
 * joined to speaker `s` and author `u` (see annotationJoins). `extra` appends fields computed by
 * the caller's own joins (the export adds documentTitle).
 */
export function annotationViewSql(extra: Readonly<Record<string, string>> = {}): string {
  const fields: Fields = { ...VIEW_FIELDS, ...extra };
  return `json_build_object(${Object.entries(fields)
    .map(([key, field]) => `'${key}', ${typeof field === "string" ? field : personSql(field)}`)
    .join(", ")})`;
}

/** The same view read as plain columns: the select list, and the view built from a row of them. */
export interface AnnotationViewColumns {
  /** The columns, comma-separated, for a SELECT over annotationJoins. */
  readonly sql: string;
  /**
   * The view (with the extra fields) from the row's values at `from` onwards, as `pg` parses them
   * by default (integers and booleans as such, JSON parsed): equal to annotationViewSql's JSON.
   * `T` names the extra fields, as it would for JSON.parse.
   */
  read<T extends AnnotationView = AnnotationView>(row: readonly unknown[], from: number): T;
}

/**
 * The view as columns, for readers of many rows at once (the export): PostgreSQL sends plain
 * columns faster than it builds each row's JSON (json_build_object and its text), and the reader
 * builds the object JSON.parse would — the export worker wrote a million annotations' jsonl in 29
 * instead of 42.5 s. Same fields, same order, same values: a test holds the two to each other.
 */
export function annotationViewColumns(extra: Readonly<Record<string, string>> = {}): AnnotationViewColumns {
  const fields = Object.entries({ ...VIEW_FIELDS, ...extra } as Fields);
  return {
    sql: fields.flatMap(([, field]) => (typeof field === "string" ? [field] : [field.id, field.name])).join(", "),
    read<T extends AnnotationView>(row: readonly unknown[], from: number): T {
      const view: Record<string, unknown> = {};
      let at = from;
      for (const [key, field] of fields) {
        if (typeof field === "string") view[key] = row[at++];
        else {
          const id = row[at++];
          const name = row[at++];
          view[key] = id === null ? null : { id, name };
        }
      }
      return view as T;
    },
  };
}

/** FROM clause joining an annotation source (a table or a CTE) aliased `a` to its speaker, author, reviewer and curator. */
export function annotationJoins(source = "annotations"): string {
  return `${source} a LEFT JOIN speakers s ON s.id = a.speaker_id JOIN users u ON u.id = a.author_id LEFT JOIN users r ON r.id = a.reviewed_by LEFT JOIN users cu ON cu.id = a.curated_by`;
}
