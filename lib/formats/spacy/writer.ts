// `spacy`: JSONL, one line per document: {"text", "spans": [{"start", "end", "text", "label", "speaker"}]}
// with offsets as Python counts them (code points), ready for `doc.char_span(start, end)`; plus
// "meta" with the document's id and title (the convention spaCy and Prodigy use).

import type { Label, QuoteKind } from "../../model/vocabulary";
import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";

export interface SpacySpan {
  start: number;
  end: number;
  /** text[start:end], so a reader can check the offsets (as every format lets it). */
  text: string;
  label: Label;
  speaker: string | null;
  quoteKind: QuoteKind | null;
  id: string;
}

export const spacyFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: false,
  comments: "none",
  createWriter(): ExportWriter {
    let spans: string[] = [];
    return {
      begin: () => "",
      document() {
        spans = [];
        return "";
      },
      annotation(a: ExportAnnotation) {
        const span: SpacySpan = {
          start: a.start,
          end: a.end,
          text: a.exact,
          label: a.label,
          speaker: a.speaker?.name ?? null,
          quoteKind: a.quoteKind,
          id: a.id,
        };
        spans.push(JSON.stringify(span));
        return "";
      },
      endDocument(d: ExportDocument) {
        const line = `{"text":${JSON.stringify(d.text ?? "")},"spans":[${spans.join(",")}],"meta":${JSON.stringify({ documentId: d.id, title: d.title, sourceUrl: d.sourceUrl })}}\n`;
        spans = [];
        return line;
      },
      end: () => "",
    };
  },
};
