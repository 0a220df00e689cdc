// Suggestions: lib/suggest's proposals stored per document, listed, and accepted (through the one
// annotation write path, with origin "suggestion" and the rule on the change event) or dismissed
// (hidden for that document and not proposed again).

import { z } from "zod";
import { checkedAccess, documentAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { checkAnnotation, getAnnotation, insertAnnotations } from "../annotations/annotations";
import type { AnnotationView } from "../annotations/annotation-view";
import { annotationVisibleSql } from "../annotations/annotation-visibility";
import { pool, type Queryable } from "../db/client";
import { withTransaction } from "../db/transaction";
import { cachedDocument } from "../documents/document-text";
import { notFound, validationFailed } from "../errors/domain-error";
import { QUOTE_KINDS, type QuoteKind } from "../model/vocabulary";
import { findOrCreateSpeaker } from "../speakers/speakers";
import { suggestQuotes, type KnownSpeaker } from "../suggest/suggest-quotes";
import type { CodePointIndex } from "../text/code-points";
import { overlapTest } from "./covered-spans";
import type { InputReader } from "../validation/parse-input";

export const suggestionViewSchema = z.object({
  id: z.string(),
  label: z.enum(["quote", "claim"]),
  quoteKind: z.enum(QUOTE_KINDS).nullable(),
  /** Code points, half-open. */
  start: z.int(),
  end: z.int(),
  exact: z.string(),
  cueStart: z.int().nullable(),
  cueEnd: z.int().nullable(),
  speaker: z
    .union([z.object({ id: z.string() }), z.object({ newName: z.string(), description: z.string().nullable() })])
    .nullable()
    .describe("A project speaker ({id}), or a name proposed as a new speaker ({newName, description}); null when none was found."),
  confidence: z.number(),
  rule: z.string().describe("The rule that found it (direct-cue, direct-no-cue, indirect-that, indirect-according-to, indirect-trailing)."),
});
export type SuggestionView = z.infer<typeof suggestionViewSchema>;
export const suggestionListSchema = z.object({ suggestions: z.array(suggestionViewSchema) });

/** Corrections an analyst may make before accepting. */
export const acceptSuggestionSchema = z.strictObject({
  start: z.int().min(0).optional(),
  end: z.int().min(0).optional(),
  speakerId: z.string().min(1).nullish(),
  newName: z.string().trim().min(1).max(200).optional(),
  quoteKind: z.enum(QUOTE_KINDS).optional(),
});
export type AcceptSuggestionInput = z.infer<typeof acceptSuggestionSchema>;

interface SuggestionRow {
  id: string;
  project_id: string;
  document_id: string;
  label: "quote" | "claim";
  quote_kind: QuoteKind | null;
  start: number;
  end: number;
  cue_start: number | null;
  cue_end: number | null;
  speaker_id: string | null;
  new_name: string | null;
  description: string | null;
  confidence: number;
  rule: string;
  status: "pending" | "accepted" | "dismissed";
  annotation_id: string | null;
}

const COLUMNS = `s.id, s.project_id, s.document_id, s.label, s.quote_kind, s.start, s."end", s.cue_start, s.cue_end, s.speaker_id,
  s.new_name, s.description, s.confidence, s.rule, s.status, s.annotation_id`;

async function documentText(documentId: string) {
  const document = await cachedDocument(documentId);
  if (!document) throw notFound("Document");
  return document;
}

function toView(row: SuggestionRow, slice: (start: number, end: number) => string): SuggestionView {
  return {
    id: row.id,
    label: row.label,
    quoteKind: row.quote_kind,
    start: row.start,
    end: row.end,
    exact: slice(row.start, row.end),
    cueStart: row.cue_start,
    cueEnd: row.cue_end,
    speaker: row.speaker_id ? { id: row.speaker_id } : row.new_name ? { newName: row.new_name, description: row.description } : null,
    confidence: row.confidence,
    rule: row.rule,
  };
}

/** The document's pending suggestions, by position. */
async function pendingSuggestions(q: Queryable, documentId: string): Promise<SuggestionRow[]> {
  const { rows } = await q.query<SuggestionRow>(
    `SELECT ${COLUMNS} FROM suggestions s WHERE s.document_id = $1 AND s.status = 'pending' ORDER BY s.start, s."end", s.id`,
    [documentId],
  );
  return rows;
}

/**
 * The spans of the document's annotations that hide suggestions: those `userId` may see (issue 10's
 * visibility rule), or, for the stored list (`userId` null), every annotation in a shared project and
 * none in an independent one — so that others' spans never shape what an annotator is proposed.
 */
async function annotatedSpans(q: Queryable, documentId: string, userId: string | null): Promise<{ start: number; end: number }[]> {
  const { rows } =
    userId === null
      ? await q.query<{ start: number; end: number }>(
          `SELECT a.start, a."end" FROM annotations a JOIN projects p ON p.id = a.project_id
            WHERE a.document_id = $1 AND p.annotation_mode = 'shared'`,
          [documentId],
        )
      : await q.query<{ start: number; end: number }>(
          `SELECT a.start, a."end" FROM annotations a
            WHERE a.document_id = $1 AND ${annotationVisibleSql("a.author_id", "a.project_id", "$2")}`,
          [documentId, userId],
        );
  return rows;
}

/** The pending suggestions `userId` is shown: those no annotation they may see overlaps. */
async function visibleSuggestions(q: Queryable, documentId: string, userId: string, index: CodePointIndex): Promise<SuggestionView[]> {
  // The annotations' spans only when there is something to hide: for a long article with no
  // suggestion left they were half the rows the document page read.
  const pending = await pendingSuggestions(q, documentId);
  if (pending.length === 0) return [];
  const overlapsAnnotation = overlapTest(await annotatedSpans(q, documentId, userId));
  return pending.filter((row) => !overlapsAnnotation(row)).map((row) => toView(row, (s, e) => index.slice(s, e)));
}

/**
 * The document's pending suggestions that no annotation overlaps (one made since they were computed
 * hides them, as in the workspace), by position.
 */
export async function listSuggestions(actor: Actor, documentId: string): Promise<SuggestionView[]> {
  await documentAccess(actor, documentId, "project.read");
  const { index } = await documentText(documentId);
  return visibleSuggestions(pool(), documentId, actor.id, index);
}

/** A document to compute suggestions for: its project (whose speakers are matched) and its text. */
export interface SuggestDocument {
  projectId: string;
  documentId: string;
  index: CodePointIndex;
}

/**
 * Computes a document's suggestions and stores them in place of the pending ones, in the caller's
 * transaction (`client`), without checking access: computeSuggestions and the writers of new
 * documents have. Proposals that overlap an existing annotation, or repeat one already accepted or
 * dismissed, are left out.
 */
export async function storeSuggestions(client: Queryable, { projectId, documentId, index }: SuggestDocument): Promise<SuggestionView[]> {
  // One computation per document at a time: two would each replace only the pending rows they
  // can see, and leave both sets. (Not a key update, so annotations can still be written meanwhile.)
  await client.query("SELECT 1 FROM documents WHERE id = $1 FOR NO KEY UPDATE", [documentId]);
  const { rows: speakers } = await client.query<KnownSpeaker>(
    `SELECT id, name, COALESCE(aliases, '{}') AS aliases, kind::text AS kind FROM speakers WHERE project_id = $1`,
    [projectId],
  );
  const annotated = await annotatedSpans(client, documentId, null);
  const { rows: decided } = await client.query<{ start: number; end: number }>(
    `SELECT start, "end" FROM suggestions WHERE document_id = $1 AND status <> 'pending'`,
    [documentId],
  );
  const overlapsAnnotation = overlapTest(annotated);
  const decidedSpans = new Set(decided.map((d) => `${d.start}:${d.end}`));
  const fresh = suggestQuotes(index.text, speakers).filter((s) => !overlapsAnnotation(s) && !decidedSpans.has(`${s.start}:${s.end}`));
  await client.query(`DELETE FROM suggestions WHERE document_id = $1 AND status = 'pending'`, [documentId]);
  const column = <T>(pick: (s: (typeof fresh)[number]) => T) => fresh.map(pick);
  await client.query(
    `INSERT INTO suggestions (project_id, document_id, label, quote_kind, start, "end", cue_start, cue_end, speaker_id, new_name,
                              description, confidence, rule)
     SELECT $1, $2, r.label, r.quote_kind, r.start, r."end", r.cue_start, r.cue_end, r.speaker_id, r.new_name, r.description,
            r.confidence, r.rule
       FROM unnest($3::"Label"[], $4::"QuoteKind"[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[],
                   $12::float8[], $13::text[])
         AS r(label, quote_kind, start, "end", cue_start, cue_end, speaker_id, new_name, description, confidence, rule)`,
    [
      projectId,
      documentId,
      column((s) => s.label),
      column((s) => s.quoteKind),
      column((s) => s.start),
      column((s) => s.end),
      column((s) => s.cueStart),
      column((s) => s.cueEnd),
      column((s) => (s.speaker && "id" in s.speaker ? s.speaker.id : null)),
      column((s) => (s.speaker && "newName" in s.speaker ? s.speaker.newName : null)),
      column((s) => (s.speaker && "newName" in s.speaker ? s.speaker.description : null)),
      column((s) => s.confidence),
      column((s) => s.rule),
    ],
  );
  return (await pendingSuggestions(client, documentId)).map((row) => toView(row, (s, e) => index.slice(s, e)));
}

/** Computes and stores the document's suggestions (annotators, reviewers, owners): POST …/suggestions. */
export async function computeSuggestions(actor: Actor, documentId: string): Promise<SuggestionView[]> {
  const { projectId } = await documentAccess(actor, documentId, "annotation.create");
  const { index } = await documentText(documentId);
  return withTransaction(async (client) => {
    await storeSuggestions(client, { projectId, documentId, index });
    return visibleSuggestions(client, documentId, actor.id, index);
  });
}

/** A suggestion locked for a decision, with the actor's access to its project checked for `annotation.create`. */
async function lockedSuggestion(q: Queryable, actor: Actor, suggestionId: string): Promise<SuggestionRow> {
  const { rows } = await q.query<SuggestionRow & { role: string | null }>(
    `SELECT ${COLUMNS}, m.role::text AS role
       FROM suggestions s LEFT JOIN memberships m ON m.project_id = s.project_id AND m.user_id = $2
      WHERE s.id = $1 FOR UPDATE OF s`,
    [suggestionId, actor.id],
  );
  checkedAccess(rows[0], "annotation.create", "Suggestion");
  return rows[0] as SuggestionRow;
}

export interface AcceptSuggestionOptions {
  actor: Actor;
  suggestionId: string;
  input: InputReader<AcceptSuggestionInput>;
}

/**
 * Turns a suggestion into an annotation (with corrections), through insertAnnotations with origin
 * "suggestion" and the rule on its change event. A suggestion accepted before answers with the
 * annotation it became (`created` false): accepting twice never duplicates.
 */
export async function acceptSuggestion({
  actor,
  suggestionId,
  input,
}: AcceptSuggestionOptions): Promise<{ annotation: AnnotationView; created: boolean }> {
  const fields = await input();
  const outcome = await withTransaction(async (client): Promise<{ annotation: AnnotationView } | { annotationId: string }> => {
    const row = await lockedSuggestion(client, actor, suggestionId);
    if (row.status === "accepted" && row.annotation_id) return { annotationId: row.annotation_id };
    const { index } = await documentText(row.document_id);
    const access = { projectId: row.project_id, role: "annotator" as const };
    // A correction wins: a speaker id (null: none), else a new name; otherwise the suggestion's own.
    let speakerId: string | null = null;
    if (fields.speakerId !== undefined) speakerId = fields.speakerId;
    else if (fields.newName !== undefined)
      speakerId = (await findOrCreateSpeaker(access, actor, { name: fields.newName }, client)).speaker.id;
    else if (row.speaker_id) speakerId = row.speaker_id;
    else if (row.new_name) {
      speakerId = (await findOrCreateSpeaker(access, actor, { name: row.new_name, description: row.description }, client)).speaker.id;
    }
    const start = fields.start ?? row.start;
    const end = fields.end ?? row.end;
    const checked = checkAnnotation(row.document_id, index, {
      label: row.label,
      start,
      end,
      quoteKind: fields.quoteKind ?? row.quote_kind ?? undefined,
      speakerId: speakerId ?? null,
      status: "pending",
      cueStart: row.cue_start,
      cueEnd: row.cue_end,
    });
    const [view] = await insertAnnotations(client, {
      projectId: row.project_id,
      actor,
      rows: [checked],
      kind: "annotation.created",
      origin: { origin: "suggestion", rule: row.rule, suggestionId: row.id },
    });
    if (!view)
      throw validationFailed("speakerId does not name a speaker of this project.", { speakerId: "no such speaker in this project" });
    await client.query(`UPDATE suggestions SET status = 'accepted', annotation_id = $2 WHERE id = $1`, [row.id, view.id]);
    return { annotation: view };
  });
  if ("annotation" in outcome) return { annotation: outcome.annotation, created: true };
  return { annotation: await getAnnotation(actor, outcome.annotationId), created: false };
}

/** Hides a suggestion for its document: it is not listed, and not proposed again. */
export async function dismissSuggestion(actor: Actor, suggestionId: string): Promise<void> {
  await withTransaction(async (client) => {
    const row = await lockedSuggestion(client, actor, suggestionId);
    if (row.status === "pending") await client.query(`UPDATE suggestions SET status = 'dismissed' WHERE id = $1`, [row.id]);
  });
}
