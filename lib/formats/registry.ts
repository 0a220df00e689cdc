// What is behind each format of the catalog (catalog.ts): its export writer (writers.ts) and, when
// it can be read back, its import reader (below). Typed so that every exporting format of the
// catalog has a writer and every importing one a reader — a new format is a folder, a catalog entry
// and a line in each.

import type { ImportSession } from "../import/import-session";
import type { ImportFormatId } from "./catalog";
import { importDoccano } from "./doccano/reader";
import { importJsonExport } from "./json/reader";
import { importJsonLines } from "./jsonl/reader";
import { importLabelStudio } from "./labelstudio/reader";
import { importW3c } from "./w3c/reader";

/** A reader of a whole parsed JSON body, or of a byte stream read as it arrives. */
export type ImportReader =
  | { input: "json"; read(session: ImportSession, body: unknown): Promise<void> }
  | { input: "stream"; read(session: ImportSession, body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> };

export const IMPORT_READERS = {
  json: { input: "json", read: importJsonExport },
  jsonl: { input: "stream", read: importJsonLines },
  w3c: { input: "json", read: importW3c },
  labelstudio: { input: "json", read: importLabelStudio },
  doccano: { input: "stream", read: importDoccano },
} as const satisfies Record<ImportFormatId, ImportReader>;
