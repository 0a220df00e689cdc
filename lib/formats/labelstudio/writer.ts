// `labelstudio`: Label Studio's JSON export, one task per document, ready to import into a Label
// Studio project with the labeling config below (README, "Moving from Label Studio"). Each
// annotation is a `labels` region (Claim/Quote) with offsets in UTF-16 units, as Label Studio's
// editor counts them, and its text; its speaker, quote kind and note are per-region results
// (`textarea` "speaker", `choices` "quoteKind", `textarea` "note") sharing the region's id, which
// is the annotation's id. The task's data keeps the document's title, URL, date, language and id.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { LABEL_INFO } from "../../model/vocabulary";
import { CodePointIndex } from "../../text/code-points";

/** The labeling config a Label Studio project needs to show and edit these tasks. */
export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
    <Label value="Claim"/>
    <Label value="Quote"/>
  </Labels>
  <Text name="text" value="$text"/>
  <TextArea name="speaker" toName="text" perRegion="true" editable="true" maxSubmissions="1" placeholder="Speaker"/>
  <Choices name="quoteKind" toName="text" perRegion="true">
    <Choice value="direct"/>
    <Choice value="indirect"/>
    <Choice value="mixed"/>
  </Choices>
  <TextArea name="note" toName="text" perRegion="true" editable="true" maxSubmissions="1" placeholder="Note"/>
</View>`;

export interface LabelStudioResult {
  id: string;
  from_name: string;
  to_name: "text";
  type: "labels" | "textarea" | "choices";
  origin: "manual";
  value: { start: number; end: number; text?: string | string[]; labels?: string[]; choices?: string[] };
}

/** An annotation as Label Studio results: its region, then its per-region fields. */
export function toLabelStudioResults(a: ExportAnnotation, index: CodePointIndex): LabelStudioResult[] {
  const start = index.toUtf16(a.start);
  const end = index.toUtf16(a.end);
  const result = (from_name: string, type: LabelStudioResult["type"], value: Partial<LabelStudioResult["value"]>) => ({
    id: a.id,
    from_name,
    to_name: "text" as const,
    type,
    origin: "manual" as const,
    value: { start, end, ...value },
  });
  const results: LabelStudioResult[] = [result("label", "labels", { text: a.exact, labels: [LABEL_INFO[a.label].name] })];
  if (a.speaker) results.push(result("speaker", "textarea", { text: [a.speaker.name] }));
  if (a.quoteKind) results.push(result("quoteKind", "choices", { choices: [a.quoteKind] }));
  if (a.note) results.push(result("note", "textarea", { text: [a.note] }));
  return results;
}

export const labelStudioFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: false,
  comments: "none",
  createWriter(): ExportWriter {
    let tasks = 0;
    let index = new CodePointIndex("");
    let results: string[] = [];
    return {
      begin: () => "[",
      document(d: ExportDocument) {
        index = new CodePointIndex(d.text ?? "");
        results = [];
        return "";
      },
      annotation(a: ExportAnnotation) {
        for (const r of toLabelStudioResults(a, index)) results.push(JSON.stringify(r));
        return "";
      },
      endDocument(d: ExportDocument) {
        tasks++;
        const data = {
          text: d.text ?? "",
          title: d.title,
          sourceUrl: d.sourceUrl,
          publishedAt: d.publishedAt,
          language: d.language ?? null,
          documentId: d.id,
        };
        const task =
          `{"id":${tasks},"data":${JSON.stringify(data)},"annotations":[{"result":[${results.join(",")}],` +
          `"was_cancelled":false,"ground_truth":false}],"predictions":[],"meta":{}}`;
        results = [];
        return `${tasks > 1 ? "," : ""}\n${task}`;
      },
      end: () => "\n]\n",
    };
  },
};
