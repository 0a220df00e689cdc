// Each exporting format's writer, by catalog id (see registry.ts). Apart from the readers so that the
// export worker, which only writes, does not load the import machinery and what it brings (text
// anchoring, suggestions, the NLP library): its start-up is in every export's time to first byte.

import type { ExportFormat } from "../export/export-types";
import { bratFormat } from "./brat/writer";
import type { ExportFormatId } from "./catalog";
import { csvFormat } from "./csv/writer";
import { doccanoFormat } from "./doccano/writer";
import { jsonFormat } from "./json/writer";
import { jsonlFormat } from "./jsonl/writer";
import { labelStudioFormat } from "./labelstudio/writer";
import { schemaOrgFormat } from "./schemaorg/writer";
import { spacyFormat } from "./spacy/writer";
import { w3cFormat } from "./w3c/writer";

export const EXPORT_WRITERS = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  w3c: w3cFormat,
  brat: bratFormat,
  spacy: spacyFormat,
  labelstudio: labelStudioFormat,
  doccano: doccanoFormat,
  schemaorg: schemaOrgFormat,
} as const satisfies Record<ExportFormatId, ExportFormat>;
