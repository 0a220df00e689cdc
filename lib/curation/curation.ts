// The curated layer: a reviewer or owner settles the annotators' differences into one gold version.
// A curated annotation is written through the one write path (insertAnnotations), authored by the
// curator, accepted, with curated_by/at and curated_from (the annotator's annotation it came from);
// its history records origin "curation". Un-curating is the ordinary DELETE of that annotation.

import { z } from "zod";
import { documentAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { pool, type Queryable } from "../db/client";
import { withTransaction } from "../db/transaction";
import { cachedDocument } from "../documents/document-text";
import { notFound, validationFailed } from "../errors/domain-error";
import { checkAnnotation, insertAnnotations, listAnnotations, type CheckedAnnotation } from "../annotations/annotations";
import { curationGroups, type CurationGroup } from "./curation-groups";
import { annotationViewSchema, type AnnotationView } from "../annotations/annotation-view";
import { LABELS, QUOTE_KINDS, type Label, type QuoteKind } from "../model/vocabulary";
import type { InputReader } from "../validation/parse-input";

/** POST /documents/{id}/curation: the annotation to accept, and optional corrections made before accepting it. */
export const curateSchema = z.strictObject({
  from: z.string().min(1).max(100),
  label: z.enum(LABELS).optional(),
  quoteKind: z.enum(QUOTE_KINDS).nullish(),
  speakerId: z.string().min(1).max(100).nullish(),
  start: z.int().min(0).optional(),
  end: z.int().min(0).optional(),
  note: z.string().max(10000).nullish(),
});
export type CurateInput = z.infer<typeof curateSchema>;

export const unanimousResultSchema = z.object({
  /** How many annotators marked the document done: a span is unanimous when all of them have it. */
  annotators: z.int(),
  /** The curated annotations written now (none for spans already in the curated layer). */
  created: z.array(annotationViewSchema),
});
export type UnanimousResult = z.infer<typeof unanimousResultSchema>;

interface SourceRow {
  id: string;
  document_id: string;
  project_id: string;
  label: Label;
  quote_kind: QuoteKind | null;
  start: number;
  end: number;
  speaker_id: string | null;
  note: string | null;
  curated: boolean;
}

async function textOf(documentId: string) {
  const document = await cachedDocument(documentId);
  if (!document) throw notFound("Document");
  return document;
}

/** Serialises curation of one document, so two curators never write the same span twice. */
async function lockDocument(q: Queryable, documentId: string): Promise<void> {
  await q.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
}

export interface CurateAnnotationOptions {
  actor: Actor;
  documentId: string;
  input: InputReader<CurateInput>;
}

/** Accepts one annotator's annotation (as it is, or corrected) into the document's curated layer. */
export async function curateAnnotation({ actor, documentId, input }: CurateAnnotationOptions): Promise<AnnotationView> {
  const { projectId } = await documentAccess(actor, documentId, "annotation.curate");
  const fields = await input();
  const { index } = await textOf(documentId);
  return withTransaction(async (client) => {
    await lockDocument(client, documentId);
    const { rows } = await client.query<SourceRow>(
      `SELECT id, document_id, project_id, label, quote_kind, start, "end", speaker_id, note, curated
         FROM annotations WHERE id = $1 AND document_id = $2`,
      [fields.from, documentId],
    );
    const source = rows[0];
    if (!source) throw validationFailed("from does not name an annotation of this document.", { from: "no such annotation here" });
    if (source.curated) throw validationFailed("from names a curated annotation; accept an annotator's.", { from: "already curated" });
    const label = fields.label ?? source.label;
    const checked = checkAnnotation(documentId, index, {
      label,
      start: fields.start ?? source.start,
      end: fields.end ?? source.end,
      // A changed label decides its own kind; otherwise the source's, unless corrected.
      quoteKind:
        fields.quoteKind !== undefined
          ? (fields.quoteKind ?? undefined)
          : label === source.label
            ? (source.quote_kind ?? undefined)
            : undefined,
      note: fields.note !== undefined ? fields.note : source.note,
      speakerId: fields.speakerId !== undefined ? fields.speakerId : source.speaker_id,
      status: "accepted",
    });
    const [view] = await insertAnnotations(client, {
      projectId,
      actor,
      rows: [{ ...checked, curatedFrom: source.id }],
      kind: "annotation.created",
      origin: { origin: "curation", from: source.id },
    });
    if (!view)
      throw validationFailed("speakerId does not name a speaker of this project.", { speakerId: "no such speaker in this project" });
    return view;
  });
}

/** The annotators who marked the document done, and the spans (span + label + speaker) every one of them has and the curated layer lacks. */
const UNANIMOUS_SQL = `
  WITH finished AS (
    SELECT user_id FROM assignments WHERE document_id = $1 AND done_at IS NOT NULL
  ), groups AS (
    SELECT a.start, a."end", a.label, a.speaker_id, min(a.id) AS id, count(DISTINCT a.author_id)::int AS n
      FROM annotations a JOIN finished f ON f.user_id = a.author_id
     WHERE a.document_id = $1 AND NOT a.curated
     GROUP BY a.start, a."end", a.label, a.speaker_id
  )
  SELECT (SELECT count(*)::int FROM finished) AS annotators, g.id
    FROM groups g
   WHERE g.n = (SELECT count(*) FROM finished) AND g.n >= 2
     AND NOT EXISTS (
       SELECT 1 FROM annotations c
        WHERE c.document_id = $1 AND c.curated AND c.start = g.start AND c."end" = g."end" AND c.label = g.label
          AND c.speaker_id IS NOT DISTINCT FROM g.speaker_id)
   ORDER BY g.start, g."end"`;

/**
 * Accepts into the curated layer every span that all the annotators who marked the document done
 * agree on (same span, label and speaker; at least two of them), each once: spans already curated
 * are skipped, so calling it again writes nothing.
 */
export async function curateUnanimous(actor: Actor, documentId: string): Promise<UnanimousResult> {
  const { projectId } = await documentAccess(actor, documentId, "annotation.curate");
  const { index } = await textOf(documentId);
  return withTransaction(async (client) => {
    await lockDocument(client, documentId);
    const { rows: groups } = await client.query<{ annotators: number; id: string }>(UNANIMOUS_SQL, [documentId]);
    const annotators = groups[0]?.annotators ?? (await finishedCount(client, documentId));
    if (groups.length === 0) return { annotators, created: [] };
    const { rows: sources } = await client.query<SourceRow>(
      `SELECT id, document_id, project_id, label, quote_kind, start, "end", speaker_id, note, curated
         FROM annotations WHERE id = ANY($1) ORDER BY start, "end", id`,
      [groups.map((group) => group.id)],
    );
    const rows: (CheckedAnnotation & { curatedFrom: string })[] = sources.map((source) => ({
      ...checkAnnotation(documentId, index, {
        label: source.label,
        start: source.start,
        end: source.end,
        quoteKind: source.quote_kind ?? undefined,
        note: source.note,
        speakerId: source.speaker_id,
        status: "accepted",
      }),
      curatedFrom: source.id,
    }));
    // One statement each, so each one's history names its own source (a document has tens of them, not thousands).
    const created: AnnotationView[] = [];
    for (const row of rows) {
      const written = await insertAnnotations(client, {
        projectId,
        actor,
        rows: [row],
        kind: "annotation.created",
        origin: { origin: "curation", from: row.curatedFrom },
      });
      created.push(...written);
    }
    return { annotators, created };
  });
}

async function finishedCount(q: Queryable, documentId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM assignments WHERE document_id = $1 AND done_at IS NOT NULL",
    [documentId],
  );
  return rows[0]?.n ?? 0;
}

export interface CurationView {
  /** Annotators who marked the document done. */
  finished: { id: string; name: string }[];
  groups: CurationGroup[];
  curated: AnnotationView[];
}

/**
 * What the curation page shows: the annotators' annotations (of those who marked the document done,
 * or of every author while nobody has) aligned in groups, and the curated layer. Reviewers and owners.
 */
export async function loadCuration(actor: Actor, documentId: string): Promise<CurationView> {
  await documentAccess(actor, documentId, "annotation.curate");
  const [{ rows: finished }, { items }] = await Promise.all([
    pool().query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM assignments asg JOIN users u ON u.id = asg.user_id
        WHERE asg.document_id = $1 AND asg.done_at IS NOT NULL ORDER BY u.name, u.id`,
      [documentId],
    ),
    listAnnotations(actor, documentId),
  ]);
  const done = new Set(finished.map((user) => user.id));
  const curated = items.filter((a) => a.curated);
  const raw = items.filter((a) => !a.curated && (done.size === 0 || done.has(a.author.id)));
  return { finished, groups: curationGroups(raw, curated, finished.length), curated };
}
