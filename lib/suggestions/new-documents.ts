// Suggestions for documents as they are added: when whoever adds them asks ("suggest quotes and
// speakers", `suggest: true`) or their project has autoSuggest on. The one place that rule lives;
// createDocument applies it to every document it writes, an import once its annotations are in.
//
// Computed after the document is stored (committed, unless the caller's own transaction holds it:
// the demo), each document in a transaction of its own: a big import does not hold one open for
// all of them, and a failure leaves the document without suggestions — Suggest in the workspace
// computes them again — rather than failing what was added.

import { pool, type Queryable } from "../db/client";
import { withTransaction } from "../db/transaction";
import { CodePointIndex } from "../text/code-points";
import { storeSuggestions } from "./suggestions";

/** Whether documents added to the project now get suggestions: asked for, or the project's setting. */
export async function suggestionsWanted(q: Queryable, projectId: string, asked: boolean | undefined): Promise<boolean> {
  if (asked) return true;
  const { rows } = await q.query<{ auto_suggest: boolean }>("SELECT auto_suggest FROM projects WHERE id = $1", [projectId]);
  return rows[0]?.auto_suggest ?? false;
}

export interface NewDocument {
  id: string;
  /** Its text as stored, or its index when the caller has one. */
  text: string | CodePointIndex;
}

const SAVEPOINT = "new_document_suggestions";

/**
 * Computes and stores suggestions for documents just added to the project. `q` is the pool, or the
 * client of the transaction that added them (which must then be open). Answers how many documents
 * got them; a failure is logged and skips that document.
 */
export async function suggestForNewDocuments(q: Queryable, projectId: string, documents: readonly NewDocument[]): Promise<number> {
  const inTransaction = q !== pool();
  let done = 0;
  for (const { id, text } of documents) {
    const document = { projectId, documentId: id, index: typeof text === "string" ? new CodePointIndex(text) : text };
    try {
      if (!inTransaction) {
        await withTransaction((client) => storeSuggestions(client, document));
      } else {
        // Inside the caller's transaction, a failure must not abort it: undo just this.
        await q.query(`SAVEPOINT ${SAVEPOINT}`);
        try {
          await storeSuggestions(q, document);
        } catch (error) {
          await q.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
          throw error;
        } finally {
          await q.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        }
      }
      done++;
    } catch (error) {
      console.error(`[sourcemark] suggestions for the new document ${id} failed:`, error);
    }
  }
  return done;
}
