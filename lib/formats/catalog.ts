// The file formats Sourcemark reads and writes, as people and the API name them: one entry per
// format, typed `as const`, from which the API's `format` enums, the export dialog's list and the
// import form's list are derived. Pure metadata, safe in the browser; the writers behind each id are
// in lib/formats/writers.ts and the readers in lib/formats/registry.ts, which must cover every
// entry here.

export interface FormatInfo {
  /** What the export dialog and the import form show. */
  title: string;
  extension: string;
  contentType: string;
  /** The project can be exported in this format. */
  exports: boolean;
  /** Annotations (and, for json, documents) can be imported from this format. */
  imports: boolean;
  /** Media types that name this format on an import (parameters ignored); json is told by its content. */
  importMediaTypes?: readonly string[];
}

export const FORMAT_CATALOG = {
  json: {
    title: "JSON — whole project (documents, annotations, speakers)",
    extension: "json",
    contentType: "application/json; charset=utf-8",
    exports: true,
    imports: true,
  },
  jsonl: {
    title: "JSON Lines — one annotation per line",
    extension: "jsonl",
    contentType: "application/x-ndjson; charset=utf-8",
    exports: true,
    imports: true,
    importMediaTypes: ["application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines"],
  },
  csv: {
    title: "CSV — spreadsheet, one annotation per row",
    extension: "csv",
    contentType: "text/csv; charset=utf-8",
    exports: true,
    imports: false,
  },
  w3c: {
    title: "W3C Web Annotation (JSON-LD)",
    extension: "jsonld",
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    exports: true,
    imports: true,
    importMediaTypes: ["application/ld+json"],
  },
  brat: {
    title: "brat standoff (zip of .txt and .ann)",
    extension: "zip",
    contentType: "application/zip",
    exports: true,
    imports: false,
  },
  spacy: {
    title: "spaCy — JSON Lines, one document per line",
    extension: "spacy.jsonl",
    contentType: "application/x-ndjson; charset=utf-8",
    exports: true,
    imports: false,
  },
  labelstudio: {
    title: "Label Studio — JSON tasks (UTF-16 offsets)",
    extension: "labelstudio.json",
    contentType: "application/json; charset=utf-8",
    exports: true,
    imports: true,
  },
  doccano: {
    title: "doccano — JSON Lines for sequence labeling (UTF-16 offsets)",
    extension: "doccano.jsonl",
    contentType: "application/x-ndjson; charset=utf-8",
    exports: true,
    imports: true,
  },
  schemaorg: {
    title: "schema.org Claims (JSON-LD) — for fact-checkers",
    extension: "schemaorg.jsonld",
    contentType: "application/ld+json; charset=utf-8",
    exports: true,
    imports: false,
  },
} as const satisfies Record<string, FormatInfo>;

export type FormatId = keyof typeof FORMAT_CATALOG;

type IdsWhere<K extends "exports" | "imports"> = {
  [Id in FormatId]: (typeof FORMAT_CATALOG)[Id][K] extends true ? Id : never;
}[FormatId];

export type ExportFormatId = IdsWhere<"exports">;
export type ImportFormatId = IdsWhere<"imports">;

const ids = Object.keys(FORMAT_CATALOG) as FormatId[];

/** Formats the project can be exported in, in catalog order (z.enum takes this tuple). */
export const EXPORT_FORMAT_IDS = ids.filter((id) => FORMAT_CATALOG[id].exports) as [ExportFormatId, ...ExportFormatId[]];

/** Formats annotations can be imported from, in catalog order. */
export const IMPORT_FORMAT_IDS = ids.filter((id) => FORMAT_CATALOG[id].imports) as [ImportFormatId, ...ImportFormatId[]];

/** The import format a media type names ("application/ld+json; profile=…" → w3c), if any. */
export function importFormatOfMediaType(contentType: string | null): ImportFormatId | null {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!mediaType) return null;
  return IMPORT_FORMAT_IDS.find((id) => (FORMAT_CATALOG[id] as FormatInfo).importMediaTypes?.includes(mediaType)) ?? null;
}
