// `csv`: RFC 4180 (CRLF rows, quoted where needed), one annotation per row (API.md). By default
// (`cells=safe`, for spreadsheets) a cell that a spreadsheet would run as a formula (starting with
// =, +, -, @, tab or CR) is prefixed with ' ; `cells=raw` (for pandas and pipelines) writes every
// cell as it is, so `text` equals the document's text[start:end].

import type { ExportAnnotation, ExportFormat } from "../../export/export-types";
import type { CellMode } from "../../validation/schemas";

export const CSV_HEADER = [
  "annotation_id",
  "document_id",
  "document_title",
  "label",
  "quote_kind",
  "start",
  "end",
  "text",
  "speaker",
  "note",
  "status",
  "author",
  "created_at",
  "comments",
  "cue_start",
  "cue_end",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formula injection (unless raw), then quoted if it needs to be. */
export function csvCell(value: string | number | null, cells: CellMode = "safe"): string {
  if (value === null) return "";
  let cell = String(value);
  if (cells === "safe" && typeof value === "string" && FORMULA_START.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvRow(values: (string | number | null)[], cells: CellMode = "safe"): string {
  return `${values.map((value) => csvCell(value, cells)).join(",")}\r\n`;
}

export function toCsvCells(a: ExportAnnotation): (string | number | null)[] {
  return [
    a.id,
    a.documentId,
    a.documentTitle,
    a.label,
    a.quoteKind,
    a.start,
    a.end,
    a.exact,
    a.speaker?.name ?? null,
    a.note,
    a.status,
    a.author.name,
    a.createdAt,
    a.commentCount ?? 0,
    a.cueStart ?? null,
    a.cueEnd ?? null,
  ];
}

export const csvFormat: ExportFormat = {
  shape: "annotations",
  needsSpeakers: false,
  comments: "count",
  createWriter() {
    let cells: CellMode = "safe";
    return {
      begin(meta) {
        cells = meta.cells ?? "safe";
        return csvRow([...CSV_HEADER]);
      },
      document: () => "",
      annotation: (a) => csvRow(toCsvCells(a), cells),
      endDocument: () => "",
      end: () => "",
    };
  },
};

/** Parses RFC 4180 CSV into rows of cells (quotes undone; the ' formula guard is left as is). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
