// `spacy`: JSONL, one line per document: {"text", "spans": [{"start", "end", "text", "label", "speaker"}]}
// with offsets as Python counts them (code points), ready for `doc.char_span(start, end)`; "cues":
// the cue of each span that has one ({"start", "end", "text", "label": "Cue", "of": the span's id}),
// ready for a spans group `doc.spans["cues"]`; plus "meta" with the document's id and title (the
// convention spaCy and Prodigy use).

import type { Label, QuoteKind } from "../../model/vocabulary";
import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { CodePointIndex } from "../../text/code-points";

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

/** A cue: the reporting verb of the span `of` (its id). */
export interface SpacyCue {
  start: number;
  end: number;
  text: string;
  label: "Cue";
  of: string;
}

export const spacyFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: false,
  comments: "none",
  createWriter(): ExportWriter {
    let spans: string[] = [];
    let cues: string[] = [];
    // The document's index, made at its first cue (most documents have none).
    let index: CodePointIndex | null = null;
    return {
      begin: () => "",
      document() {
        spans = [];
        cues = [];
        index = null;
        return "";
      },
      annotation(a: ExportAnnotation, d: ExportDocument) {
        if (a.cueStart != null && a.cueEnd != null) {
          index ??= new CodePointIndex(d.text ?? "");
          const cue: SpacyCue = { start: a.cueStart, end: a.cueEnd, text: index.slice(a.cueStart, a.cueEnd), label: "Cue", of: a.id };
          cues.push(JSON.stringify(cue));
        }
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
        const meta = JSON.stringify({ documentId: d.id, title: d.title, sourceUrl: d.sourceUrl });
        const line = `{"text":${JSON.stringify(d.text ?? "")},"spans":[${spans.join(",")}],"cues":[${cues.join(",")}],"meta":${meta}}\n`;
        spans = [];
        cues = [];
        return line;
      },
      end: () => "",
    };
  },
};
