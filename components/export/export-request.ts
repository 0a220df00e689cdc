// Builds export URLs and file names for the export dialog. Pure, so it is unit-tested.

export const EXPORT_FORMATS = [
  { id: "json", label: "JSON — whole project (documents, annotations, speakers)" },
  { id: "jsonl", label: "JSON Lines — one annotation per line" },
  { id: "csv", label: "CSV — spreadsheet, one annotation per row" },
  { id: "w3c", label: "W3C Web Annotation (JSON-LD)" },
  { id: "brat", label: "brat standoff (zip of .txt and .ann)" },
  { id: "spacy", label: "spaCy — JSON Lines, one document per line" },
] as const;

export type ExportFormatId = (typeof EXPORT_FORMATS)[number]["id"];

export interface ExportFilters {
  documentId: string;
  label: string;
  speakerId: string;
  status: string;
  author: string;
}

export function exportUrl(projectId: string, format: ExportFormatId, filters: ExportFilters): string {
  const params = new URLSearchParams({ format });
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
