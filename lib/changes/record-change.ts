// Writing change events: the one column list of change_events, for the statements that write a
// change and its event together. Every writer of annotations, speakers and documents appends its
// events through insertChangesSql; each process's change feed reads them from the table.

import type { ChangeKind } from "./change-kinds";

/** The columns a writer fills, in this order; id, tx and created_at are the database's. */
export const CHANGE_EVENT_COLUMNS = "project_id, document_id, subject_id, kind, actor_id, before, after";

/**
 * `INSERT INTO change_events … <select>`, where `select` yields, per change, the columns of
 * CHANGE_EVENT_COLUMNS in order. Use it as a data-modifying CTE of the statement that makes the
 * change, so the change and its event commit (or fail) together.
 */
export function insertChangesSql(select: string, withOrigin = false): string {
  // With `withOrigin`, `select` yields one more column: where the change came from (JSON or NULL).
  return `INSERT INTO change_events (${CHANGE_EVENT_COLUMNS}${withOrigin ? ", origin" : ""}) ${select}`;
}

/** A change kind as a SQL literal (kinds come from the registry, never from input). */
export function kindSql(kind: ChangeKind): string {
  return `'${kind}'`;
}
