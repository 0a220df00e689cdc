// `json`: the whole project in one document (API.md): project, documents with their texts and
// annotations, speakers. Streamed piece by piece; the result is one valid JSON value.

import type { ExportFormat, ExportWriter, ExportDocument, ExportAnnotation, ExportSpeaker } from "../../export/export-types";

/** The exported annotation: the API's annotation object (its document's title and language are implied by nesting, the cue's text by its offsets). */
export function jsonAnnotation(annotation: ExportAnnotation): Omit<ExportAnnotation, "documentTitle" | "documentLanguage" | "cueExact"> {
  const { documentTitle: _title, documentLanguage: _language, cueExact: _cue, ...rest } = annotation;
  return rest;
}

export const jsonFormat: ExportFormat = {
  shape: "documents",
  needsSpeakers: true,
  comments: "thread",
  createWriter(): ExportWriter {
    let documentCount = 0;
    let annotationCount = 0;
    return {
      begin: (meta) =>
        `{"project":${JSON.stringify(meta.project)},"exportedAt":${JSON.stringify(meta.exportedAt)},` +
        `"offsetUnit":"codepoint","documents":[`,
      document(document: ExportDocument) {
        annotationCount = 0;
        const head = {
          id: document.id,
          title: document.title,
          sourceUrl: document.sourceUrl,
          publishedAt: document.publishedAt,
          language: document.language ?? null,
          text: document.text ?? "",
        };
        const json = JSON.stringify(head);
        return `${documentCount++ === 0 ? "" : ","}${json.slice(0, -1)},"annotations":[`;
      },
      annotation(annotation: ExportAnnotation) {
        return `${annotationCount++ === 0 ? "" : ","}${JSON.stringify(jsonAnnotation(annotation))}`;
      },
      endDocument: () => "]}",
      end: (speakers: ExportSpeaker[]) => `],"speakers":${JSON.stringify(speakers)}}\n`,
    };
  },
};
