// Builds export URLs and file names for the export dialog, and the format lists of the export
// dialog and the import form — both from the one catalog (lib/formats/catalog.ts). Pure.

import { EXPORT_FORMAT_IDS, FORMAT_CATALOG, IMPORT_FORMAT_IDS, type ExportFormatId, type ImportFormatId } from "@/lib/formats/catalog";
import type { CellMode } from "@/lib/validation/schemas";

export type { ExportFormatId, ImportFormatId };
export type { CellMode };

export const EXPORT_FORMATS = EXPORT_FORMAT_IDS.map((id) => ({ id, label: FORMAT_CATALOG[id].title }));

export const IMPORT_FORMATS = IMPORT_FORMAT_IDS.map((id) => ({
  id,
  label: FORMAT_CATALOG[id].title,
  extension: FORMAT_CATALOG[id].extension,
}));

/**
 * The import format a file's name says, when it says one unambiguously (.json may be json, w3c or
 * Label Studio: the server reads it); the longest extension wins (".doccano.jsonl" over ".jsonl").
 */
export function importFormatOfFile(fileName: string): ImportFormatId | "" {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".ndjson")) return "jsonl";
  const matches = IMPORT_FORMATS.filter((f) => lower.endsWith(`.${f.extension}`) && f.extension !== "json");
  const longest = Math.max(0, ...matches.map((f) => f.extension.length));
  const best = matches.filter((f) => f.extension.length === longest);
  return best.length === 1 ? (best[0] as { id: ImportFormatId }).id : "";
}

/** The accept attribute of the import form's file input. */
export const IMPORT_FILE_TYPES = [...new Set([...IMPORT_FORMATS.map((f) => `.${f.extension}`), ".ndjson"])].join(",");

export interface ExportFilters {
  documentId: string;
  label: string;
  speakerId: string;
  status: string;
  author: string;
  /** A search's words and document date range ("export these results"). */
  q?: string;
  from?: string;
  to?: string;
  /** "curated": only the curated (gold) layer; empty: every annotation, with its author (the server's default). */
  layer?: "" | "curated";
}

/** `cells` matters for csv only: "raw" is sent, "safe" is the server's default. */
export function exportUrl(projectId: string, format: ExportFormatId, filters: ExportFilters, cells: CellMode = "safe"): string {
  const params = new URLSearchParams({ format });
  if (format === "csv" && cells === "raw") params.set("cells", "raw");
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `/api/v1/projects/${encodeURIComponent(projectId)}/export?${params}`;
}

/** The file name of a Content-Disposition header (RFC 5987 filename* preferred). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
