// Documents: articles whose text is frozen at import (line endings normalised to LF).

import { db, pool } from "../db/client";
import type { Document } from "../db/generated/client";
import { notFound, validationFailed } from "../http/api-error";
import { codePointLength } from "../text/code-points";
import { normalizeNewlines, textStorageProblem } from "../text/normalize";
import type { CreateDocumentInput } from "../validation/schemas";

export interface DocumentView {
  id: string;
  projectId: string;
  title: string;
  text: string;
  length: number;
  sourceUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  sourceUrl: string | null;
  publishedAt: string | null;
  length: number;
  annotationCount: number;
  createdAt: string;
}

/** Normalises and checks an article text; throws 422 naming `field` when it cannot be stored. */
export function prepareDocumentText(raw: string, field = "text"): { text: string; length: number } {
  const text = normalizeNewlines(raw);
  const problem = textStorageProblem(text);
  if (problem) throw validationFailed(`The document ${problem}.`, { [field]: problem });
  return { text, length: codePointLength(text) };
}

export async function createDocument(projectId: string, input: CreateDocumentInput): Promise<DocumentView> {
  const { text, length } = prepareDocumentText(input.text);
  const document = await db().document.create({
    data: {
      projectId,
      title: input.title,
      text,
      length,
      sourceUrl: input.sourceUrl ?? null,
      publishedAt: input.publishedAt ?? null,
    },
  });
  return toDocumentView(document);
}

export async function getDocument(documentId: string): Promise<DocumentView> {
  const document = await db().document.findUnique({ where: { id: documentId } });
  if (!document) throw notFound("Document");
  return toDocumentView(document);
}

export async function listDocuments(projectId: string): Promise<DocumentSummary[]> {
  const { rows } = await pool().query<{
    id: string;
    title: string;
    source_url: string | null;
    published_at: Date | null;
    length: number;
    annotation_count: number;
    created_at: Date;
  }>(
    `SELECT d.id, d.title, d.source_url, d.published_at, d.length, d.created_at,
            (SELECT count(*)::int FROM annotations a WHERE a.document_id = d.id) AS annotation_count
       FROM documents d
      WHERE d.project_id = $1
      ORDER BY d.created_at, d.id`,
    [projectId],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    sourceUrl: row.source_url,
    publishedAt: row.published_at?.toISOString() ?? null,
    length: row.length,
    annotationCount: row.annotation_count,
    createdAt: row.created_at.toISOString(),
  }));
}

function toDocumentView(document: Document): DocumentView {
  return {
    id: document.id,
    projectId: document.projectId,
    title: document.title,
    text: document.text,
    length: document.length,
    sourceUrl: document.sourceUrl,
    publishedAt: document.publishedAt?.toISOString() ?? null,
    createdAt: document.createdAt.toISOString(),
  };
}
