// `doccano`: doccano's JSONL for sequence labeling, one document per line:
// {"text", "label": [[start, end, "Claim"|"Quote"], …]} with offsets in UTF-16 units (what doccano's
// editor counts), ready to import into a doccano project with the labels Claim and Quote. Extra
// fields, which doccano keeps as the example's metadata: "speakers": [[start, end, "name"], …] (the
// speaker of the span at those offsets), "cues": [[cueStart, cueEnd, start, end], …] (the cue of the
// span at start..end, also shown as a "Cue" span in "label"), "title", "source_url", "published_at", "language", "documentId".

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { LABEL_INFO } from "../../model/vocabulary";
import { CodePointIndex } from "../../text/code-points";

export type DoccanoSpan = [start: number, end: number, value: string];

/** A cue and the span it reports: [cueStart, cueEnd, start, end]. */
export type DoccanoCue = [cueStart: number, cueEnd: number, start: number, end: number];

export interface DoccanoLine {
  text: string;
  label: DoccanoSpan[];
  speakers: DoccanoSpan[];
  cues: DoccanoCue[];
  title: string;
  source_url: string | null;
  published_at: string | null;
  language: string | null;
  documentId: string;
}

export const doccanoFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: false,
  comments: "none",
  createWriter(): ExportWriter {
    let index = new CodePointIndex("");
    let label: DoccanoSpan[] = [];
    let speakers: DoccanoSpan[] = [];
    let cues: DoccanoCue[] = [];
    return {
      begin: () => "",
      document(d: ExportDocument) {
        index = new CodePointIndex(d.text ?? "");
        label = [];
        speakers = [];
        cues = [];
        return "";
      },
      annotation(a: ExportAnnotation) {
        const start = index.toUtf16(a.start);
        const end = index.toUtf16(a.end);
        label.push([start, end, LABEL_INFO[a.label].name]);
        if (a.speaker) speakers.push([start, end, a.speaker.name]);
        if (a.cueStart != null && a.cueEnd != null) {
          const cueStart = index.toUtf16(a.cueStart);
          const cueEnd = index.toUtf16(a.cueEnd);
          label.push([cueStart, cueEnd, "Cue"]);
          cues.push([cueStart, cueEnd, start, end]);
        }
        return "";
      },
      endDocument(d: ExportDocument) {
        const line: DoccanoLine = {
          text: d.text ?? "",
          label,
          speakers,
          cues,
          title: d.title,
          source_url: d.sourceUrl,
          published_at: d.publishedAt,
          language: d.language ?? null,
          documentId: d.id,
        };
        return `${JSON.stringify(line)}\n`;
      },
      end: () => "",
    };
  },
};
