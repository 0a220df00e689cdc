// Documents: articles whose text is frozen at import (line endings normalised to LF). One writer,
// createDocument, used by the API, imports and the demo project; it records a document.created
// change in the same statement, and has the new document's suggestions computed when they are
// wanted (lib/suggestions/new-documents.ts).

import { documentAccess, memberAllowedSql, projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { rolesAllowed } from "../auth/roles";
import { insertChangesSql, kindSql } from "../changes/record-change";
import { countedLayer } from "../annotations/annotation-visibility";
import { pool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { withTransaction } from "../db/transaction";
import { DOCUMENT_VIEW_SQL, documentSummarySql, type DocumentSummary, type DocumentView } from "./document-view";
import { forgetDocument } from "./document-text";
import { notFound, validationFailed } from "../errors/domain-error";
import { codePointLength } from "../text/code-points";
import { suggestForNewDocuments, suggestionsWanted } from "../suggestions/new-documents";
import { normalizeNewlines, textStorageProblem } from "../text/normalize";
import type { InputReader } from "../validation/parse-input";
import type { CreateDocumentInput, UpdateDocumentInput } from "../validation/schemas";

/** The summary events carry: every annotation counted. */
const DOCUMENT_SUMMARY_SQL = documentSummarySql();

/** Normalises and checks an article text; throws 422 naming `field` when it cannot be stored. */
export function prepareDocumentText(raw: string, field = "text"): { text: string; length: number } {
  const text = normalizeNewlines(raw);
  const problem = textStorageProblem(text);
  if (problem) throw validationFailed(`The document ${problem}.`, { [field]: problem });
  return { text, length: codePointLength(text) };
}

export interface CreateDocumentOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<CreateDocumentInput>;
  /**
   * Leave the suggestions to the caller: an import computes them for its new documents once their
   * annotations are in (suggestions never overlap annotations).
   */
  deferSuggestions?: boolean;
}

/**
 * Creates a document of the project (roles with document.create) and its document.created event,
 * in one statement that checks the caller's membership again; then its suggestions, when asked for
 * (`suggest`) or the project has autoSuggest on. `q` may be a transaction's client (the demo project
 * is created with the account that receives it).
 */
export async function createDocument(
  { actor, projectId, input, deferSuggestions = false }: CreateDocumentOptions,
  q: Queryable = pool(),
): Promise<DocumentView> {
  const requireAccess = () => projectAccess(actor, projectId, "document.create", q);
  // Checked before a (possibly 32 MB) body is read: a non-member learns nothing about their input.
  await requireAccess();
  const fields = await input();
  const prepared = prepareDocumentText(fields.text);
  const { rows } = await q.query<{ view: DocumentView }>(
    `WITH ins AS (
       INSERT INTO documents (project_id, title, text, length, source_url, published_at, byline, language)
       SELECT $1, $2, $3, $4, $5, $6, $9, $10 WHERE ${memberAllowedSql("$1", "$7", "$8")}
       RETURNING *
     ), ev AS (
       ${insertChangesSql(`SELECT d.project_id, d.id, d.id, ${kindSql("document.created")}, $7, NULL, ${DOCUMENT_SUMMARY_SQL} FROM ins d`)}
     )
     SELECT ${DOCUMENT_VIEW_SQL} AS view FROM ins d`,
    [
      projectId,
      fields.title,
      prepared.text,
      prepared.length,
      fields.sourceUrl ?? null,
      fields.publishedAt ?? null,
      actor.id,
      rolesAllowed("document.create"),
      fields.byline || null,
      fields.language ?? null,
    ],
  );
  if (!rows[0]) {
    await requireAccess();
    throw notFound("Project");
  }
  const { view } = rows[0];
  if (!deferSuggestions && (await suggestionsWanted(q, projectId, fields.suggest))) {
    await suggestForNewDocuments(q, projectId, [{ id: view.id, text: prepared.text }]);
  }
  return view;
}

export interface UpdateDocumentOptions {
  actor: Actor;
  documentId: string;
  input: InputReader<UpdateDocumentInput>;
}

/**
 * Changes what may change of a document — its language — for those who may add documents; its
 * text stays frozen. One statement writes the row and its document.updated event (its summary
 * before and after).
 */
export async function updateDocument({ actor, documentId, input }: UpdateDocumentOptions): Promise<DocumentView> {
  await documentAccess(actor, documentId, "document.create");
  const changes = await input();
  const { rows } = await pool().query<{ view: DocumentView }>(
    `WITH old AS (SELECT d.id, ${DOCUMENT_SUMMARY_SQL} AS summary FROM documents d WHERE d.id = $1 FOR UPDATE),
     upd AS (UPDATE documents d SET language = $2 FROM old WHERE d.id = old.id RETURNING d.*),
     ev AS (${insertChangesSql(`SELECT d.project_id, d.id, d.id, ${kindSql("document.updated")}, $3, old.summary, ${DOCUMENT_SUMMARY_SQL} FROM upd d JOIN old ON old.id = d.id`)})
     SELECT ${DOCUMENT_VIEW_SQL} AS view FROM upd d`,
    [documentId, changes.language, actor.id],
  );
  if (!rows[0]) throw notFound("Document");
  return rows[0].view;
}

export async function getDocument(actor: Actor, documentId: string): Promise<DocumentView> {
  await documentAccess(actor, documentId, "project.read");
  const { rows } = await pool().query<{ view: DocumentView }>(`SELECT ${DOCUMENT_VIEW_SQL} AS view FROM documents d WHERE d.id = $1`, [
    documentId,
  ]);
  if (!rows[0]) throw notFound("Document");
  return rows[0].view;
}

const DOCUMENT_ORDER: KeyColumn[] = [
  { sql: "d.created_at", cast: "timestamptz" },
  { sql: "d.id", cast: "text" },
];

/** The project's documents, oldest first: a page of them, or (no `page`) all; counts as the actor may see. */
export async function listDocuments(actor: Actor, projectId: string, page?: PageRequest): Promise<PageOf<DocumentSummary>> {
  await projectAccess(actor, projectId, "project.read");
  const params: unknown[] = [projectId, await countedLayer(actor, projectId)];
  const after = afterCursorSql(DOCUMENT_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ summary: DocumentSummary }>(
    `SELECT ${documentSummarySql("$2")} AS summary FROM documents d WHERE d.project_id = $1${after} ORDER BY d.created_at, d.id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    ({ summary }) => [summary.createdAt, summary.id],
    (row) => row.summary,
  );
}

/**
 * Deletes a document with its annotations and comments (owners): one document.deleted event keeps
 * its summary; the annotations' own history stays readable. Permanent — the web page offers the
 * document's export first.
 */
export async function deleteDocument(actor: Actor, documentId: string): Promise<void> {
  await documentAccess(actor, documentId, "document.delete");
  await withTransaction(async (client) => {
    const { rows } = await client.query(
      `WITH old AS (SELECT d.project_id, d.id, ${DOCUMENT_SUMMARY_SQL} AS summary FROM documents d WHERE d.id = $1 FOR UPDATE),
       del AS (DELETE FROM documents WHERE id = $1 RETURNING id), -- annotations and comments go with it (foreign keys)
       ev AS (${insertChangesSql(`SELECT old.project_id, old.id, old.id, ${kindSql("document.deleted")}, $2, old.summary, NULL FROM old JOIN del ON del.id = old.id`)})
       SELECT 1 FROM old`,
      [documentId, actor.id],
    );
    if (rows.length === 0) throw notFound("Document");
  });
  forgetDocument(documentId);
}
