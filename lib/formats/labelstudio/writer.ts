// `labelstudio`: Label Studio's JSON export, one task per document, ready to import into a Label
// Studio project with the labeling config below (README, "Moving from Label Studio"). Each
// annotation is a `labels` region (Claim/Quote) with offsets in UTF-16 units, as Label Studio's
// editor counts them, and its text; its speaker, quote kind and note are per-region results
// (`textarea` "speaker", `choices` "quoteKind", `textarea` "note") sharing the region's id, which
// is the annotation's id; its cue is a `Cue` region ("<id>-cue") with a relation (labelled "cue")
// from the cue to the span. The task's data keeps the document's title, URL, date, language and id.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportWriter } from "../../export/export-types";
import { LABEL_INFO } from "../../model/vocabulary";
import { CodePointIndex } from "../../text/code-points";

/** The labeling config a Label Studio project needs to show and edit these tasks. */
export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
    <Label value="Claim"/>
    <Label value="Quote"/>
    <Label value="Cue"/>
  </Labels>
  <Relations>
    <Relation value="cue"/>
  </Relations>
  <Text name="text" value="$text"/>
  <TextArea name="speaker" toName="text" perRegion="true" editable="true" maxSubmissions="1" placeholder="Speaker"/>
  <Choices name="quoteKind" toName="text" perRegion="true">
    <Choice value="direct"/>
    <Choice value="indirect"/>
    <Choice value="mixed"/>
  </Choices>
  <TextArea name="note" toName="text" perRegion="true" editable="true" maxSubmissions="1" placeholder="Note"/>
</View>`;

export interface LabelStudioRegionResult {
  id: string;
  from_name: string;
  to_name: "text";
  type: "labels" | "textarea" | "choices";
  origin: "manual";
  value: { start: number; end: number; text?: string | string[]; labels?: string[]; choices?: string[] };
}

/** Label Studio's link between two regions (here: a cue to its claim or quote). */
export interface LabelStudioRelation {
  from_id: string;
  to_id: string;
  type: "relation";
  direction: "right";
  labels: ["cue"];
}

export type LabelStudioResult = LabelStudioRegionResult | LabelStudioRelation;

/** The region id of an annotation's cue. */
export const cueRegionId = (annotationId: string) => `${annotationId}-cue`;

/** An annotation as Label Studio results: its region, then its per-region fields. */
export function toLabelStudioResults(a: ExportAnnotation, index: CodePointIndex): LabelStudioResult[] {
  const start = index.toUtf16(a.start);
  const end = index.toUtf16(a.end);
  const result = (from_name: string, type: LabelStudioRegionResult["type"], value: Partial<LabelStudioRegionResult["value"]>) => ({
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
  if (a.cueStart != null && a.cueEnd != null) {
    // The cue ("said") as a Cue region, linked to its claim or quote by a relation.
    const id = cueRegionId(a.id);
    const value = {
      start: index.toUtf16(a.cueStart),
      end: index.toUtf16(a.cueEnd),
      text: index.slice(a.cueStart, a.cueEnd),
      labels: ["Cue"],
    };
    results.push({ id, from_name: "label", to_name: "text", type: "labels", origin: "manual", value });
    results.push({ from_id: id, to_id: a.id, type: "relation", direction: "right", labels: ["cue"] });
  }
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
