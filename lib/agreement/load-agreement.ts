// The agreement endpoint's domain functions: read, in one statement, the spans each annotator wrote
// on the documents they marked done (assignments.done_at), leaving out the curated layer, then hand
// them to computeAgreement — as often as a page needs, without reading again. Reviewers and owners
// only: agreement names who disagrees with whom.

import { z } from "zod";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { can, type Action, type Role } from "../auth/roles";
import { pool } from "../db/client";
import { csvRow } from "../formats/csv/writer";
import { LABELS, type Label } from "../model/vocabulary";
import { computeAgreement } from "./compute-agreement";
import type { AgreementInput, AgreementResult, AgreementSpan, MatchScores } from "./types";

const score = z.number().nullable();
const matchScoresSchema = z.object({
  precision: score,
  recall: score,
  f1: score,
  matched: z.int(),
  aOnly: z.int(),
  bOnly: z.int(),
  labelAgreement: score,
  speakerAgreement: score,
});
const pairSchema = z.object({ a: z.string(), b: z.string(), documents: z.int(), exact: matchScoresSchema, overlap: matchScoresSchema });
const alphaSchema = z.object({ overall: score, byLabel: z.record(z.string(), score) });

/** GET /projects/{id}/agreement: the scores of computeAgreement, with the names of users and documents. */
export const agreementReportSchema = z.object({
  labels: z.array(z.string()),
  /** Every pair of annotators in scope, summed over the documents both marked done. */
  pairs: z.array(pairSchema),
  perDocument: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      annotators: z.array(z.string()),
      pairs: z.array(pairSchema),
      alphaU: alphaSchema,
    }),
  ),
  alphaU: alphaSchema.extend({ documents: z.int() }),
  /** The annotators compared (users who marked at least one document in scope done), by name. */
  users: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AgreementReport = z.infer<typeof agreementReportSchema>;
// The schema describes computeAgreement's result: the compiler keeps them in step.
({}) as AgreementResult satisfies Omit<AgreementReport, "users" | "perDocument"> & Pick<AgreementResult, "perDocument">;

export const agreementQuerySchema = z.strictObject({
  documentId: z.string().min(1).max(100).optional(),
  label: z.enum(LABELS).optional(),
  /** Comma-separated user ids: compare only these annotators. */
  users: z
    .string()
    .max(5000)
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AgreementQuery = z.infer<typeof agreementQuerySchema>;

export interface LoadAgreementOptions {
  actor: Actor;
  projectId: string;
  documentId?: string;
  label?: Label;
  users?: string[];
}

interface DoneRow {
  document_id: string;
  title: string;
  length: number;
  user_id: string;
  user_name: string;
  ids: string[] | null;
  starts: number[] | null;
  ends: number[] | null;
  labels: string[] | null;
  speakers: (string | null)[] | null;
}

/** Who may read agreement: the one rule the API, the Agreement tab and the dashboard's summary follow. */
export const AGREEMENT_ACTION = "annotation.curate" satisfies Action;

/** May a member with this role read agreement? (For pages that show or hide it; the read checks it again.) */
export function mayReadAgreement(role: Role): boolean {
  return can(role, AGREEMENT_ACTION);
}

/** A project's finished work as read once: enough to compute the report for every label, or any one. */
export interface AgreementData {
  input: AgreementInput;
  titles: ReadonlyMap<string, string>;
  users: AgreementReport["users"];
}

/**
 * Reads, in one statement, the spans each annotator wrote on the documents they marked done
 * (all labels unless `label` narrows the read); 404 to non-members, 403 to annotators and viewers.
 */
export async function readAgreement({ actor, projectId, documentId, label, users }: LoadAgreementOptions): Promise<AgreementData> {
  await projectAccess(actor, projectId, AGREEMENT_ACTION);
  // One row per (document, annotator who marked it done), with that annotator's spans as arrays:
  // the index on annotations(document_id, author_id) serves each row.
  const { rows } = await pool().query<DoneRow>(
    `SELECT d.id AS document_id, d.title, d.length, u.id AS user_id, u.name AS user_name,
            s.ids, s.starts, s.ends, s.labels, s.speakers
       FROM assignments asg
       JOIN documents d ON d.id = asg.document_id AND d.project_id = $1
       JOIN users u ON u.id = asg.user_id
       LEFT JOIN LATERAL (
         SELECT array_agg(a.id) AS ids, array_agg(a.start) AS starts, array_agg(a."end") AS ends,
                array_agg(a.label::text) AS labels, array_agg(a.speaker_id) AS speakers
           FROM annotations a
          WHERE a.document_id = asg.document_id AND a.author_id = asg.user_id AND NOT a.curated
            AND ($3::text IS NULL OR a.label = $3::"Label")
       ) s ON true
      WHERE asg.project_id = $1 AND asg.done_at IS NOT NULL
        AND ($2::text IS NULL OR asg.document_id = $2)
        AND ($4::text[] IS NULL OR asg.user_id = ANY($4))
      ORDER BY d.created_at, d.id, u.name, u.id`,
    [projectId, documentId ?? null, label ?? null, users ?? null],
  );

  const documents = new Map<string, { id: string; length: number; title: string }>();
  const names = new Map<string, string>();
  const done: Record<string, string[]> = {};
  const spans: AgreementSpan[] = [];
  for (const row of rows) {
    if (!documents.has(row.document_id)) documents.set(row.document_id, { id: row.document_id, length: row.length, title: row.title });
    names.set(row.user_id, row.user_name);
    (done[row.user_id] ??= []).push(row.document_id);
    const ids = row.ids ?? [];
    for (let i = 0; i < ids.length; i++) {
      spans.push({
        id: ids[i] as string,
        annotator: row.user_id,
        documentId: row.document_id,
        start: row.starts![i] as number,
        end: row.ends![i] as number,
        label: row.labels![i] as string,
        speakerId: row.speakers![i] ?? null,
      });
    }
  }
  const annotators = [...names.keys()].sort((a, b) => (names.get(a) as string).localeCompare(names.get(b) as string) || a.localeCompare(b));
  return {
    input: { documents: [...documents.values()].map(({ id, length }) => ({ id, length })), spans, annotators, done, labels: LABELS },
    titles: new Map([...documents.values()].map(({ id, title }) => [id, title])),
    users: annotators.map((id) => ({ id, name: names.get(id) as string })),
  };
}

/** The report over what `readAgreement` read, for one label (its spans alone) or all. Pure. */
export function agreementReport(data: AgreementData, label?: Label): AgreementReport {
  const { input } = data;
  const result = computeAgreement(
    label ? { ...input, spans: input.spans.filter((span) => span.label === label), labels: [label] } : { ...input, labels: LABELS },
  );
  return {
    ...result,
    perDocument: result.perDocument.map((entry) => ({ ...entry, title: data.titles.get(entry.documentId) ?? "" })),
    users: data.users,
  };
}

/** Agreement over a project's finished work; 404 to non-members, 403 to annotators and viewers. */
export async function loadAgreement(options: LoadAgreementOptions): Promise<AgreementReport> {
  return agreementReport(await readAgreement(options), options.label);
}

const CSV_COLUMNS = [
  "document_id",
  "document_title",
  "annotator_a",
  "annotator_b",
  "documents",
  "exact_precision",
  "exact_recall",
  "exact_f1",
  "overlap_precision",
  "overlap_recall",
  "overlap_f1",
  "label_agreement",
  "speaker_agreement",
  "alpha_u",
] as const;

/**
 * The report as CSV: one row per pair for the project (document_id empty), then one per pair and
 * document; label and speaker agreement are over overlap-matched spans; alpha_u is the document's
 * (the project's on project rows), over all its annotators.
 */
export function agreementCsv(report: AgreementReport): string {
  const name = new Map(report.users.map((user) => [user.id, user.name]));
  const pairRow = (documentId: string, title: string, alpha: number | null, pair: AgreementReport["pairs"][number]) => {
    const s = (m: MatchScores) => [m.precision, m.recall, m.f1];
    return csvRow([
      documentId,
      title,
      name.get(pair.a) ?? pair.a,
      name.get(pair.b) ?? pair.b,
      pair.documents,
      ...s(pair.exact),
      ...s(pair.overlap),
      pair.overlap.labelAgreement,
      pair.overlap.speakerAgreement,
      alpha,
    ]);
  };
  let out = csvRow([...CSV_COLUMNS]);
  for (const pair of report.pairs) out += pairRow("", "(project)", report.alphaU.overall, pair);
  for (const document of report.perDocument) {
    for (const pair of document.pairs) out += pairRow(document.documentId, document.title, document.alphaU.overall, pair);
  }
  return out;
}
