// The annotation filters shared by exports, the review queue and search (documentId, label,
// speakerId, status, author) as one SQL condition over annotations `a`.

import type { AnnotationFilter } from "../validation/schemas";

export interface FilterSql {
  /** Conditions joined with AND, starting with the project. */
  where: string;
  params: unknown[];
}

/** WHERE clause over annotations `a` for the project and the filters; appends to `params`. */
export function annotationFilterSql(projectId: string, filter: Partial<AnnotationFilter>, params: unknown[] = []): FilterSql {
  const clauses: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace("?", `$${params.length}`));
  };
  add("a.project_id = ?", projectId);
  if (filter.documentId) add("a.document_id = ?", filter.documentId);
  if (filter.label) add(`a.label = ?::"Label"`, filter.label);
  if (filter.speakerId) add("a.speaker_id = ?", filter.speakerId);
  if (filter.status) add(`a.status = ?::"AnnotationStatus"`, filter.status);
  if (filter.author) add("a.author_id = ?", filter.author);
  return { where: clauses.join(" AND "), params };
}
