// `jsonl`: one annotation per line (API.md), with its document's title and the spanned text.

import type { AnnotationStatus, Label, QuoteKind } from "../../model/vocabulary";
import type { ExportAnnotation, ExportFormat } from "../../export/export-types";

export interface JsonlRecord {
  id: string;
  documentId: string;
  documentTitle: string;
  label: Label;
  quoteKind: QuoteKind | null;
  start: number;
  end: number;
  text: string;
  speaker: { id: string; name: string } | null;
  note: string | null;
  status: AnnotationStatus;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  /** How many comments discuss it (an extension of API.md's fields, last). */
  commentCount: number;
  /** The cue span (PARC-style), code points; null when none is marked. */
  cueStart: number | null;
  cueEnd: number | null;
  /** In the curated (gold) layer, by whom and when (null/false otherwise). */
  curated: boolean;
  curatedBy: { id: string; name: string } | null;
  curatedAt: string | null;
}

export function toJsonlRecord(a: ExportAnnotation): JsonlRecord {
  return {
    id: a.id,
    documentId: a.documentId,
    documentTitle: a.documentTitle,
    label: a.label,
    quoteKind: a.quoteKind,
    start: a.start,
    end: a.end,
    text: a.exact,
    speaker: a.speaker,
    note: a.note,
    status: a.status,
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    commentCount: a.commentCount ?? 0,
    cueStart: a.cueStart ?? null,
    cueEnd: a.cueEnd ?? null,
    curated: a.curated ?? false,
    curatedBy: a.curatedBy ?? null,
    curatedAt: a.curatedAt ?? null,
  };
}

export const jsonlFormat: ExportFormat = {
  shape: "annotations",
  needsSpeakers: false,
  comments: "count",
  createWriter: () => ({
    begin: () => "",
    document: () => "",
    annotation: (a) => `${JSON.stringify(toJsonlRecord(a))}\n`,
    endDocument: () => "",
    end: () => "",
  }),
};
