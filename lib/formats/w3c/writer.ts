// `w3c`: the W3C Web Annotation Data Model as JSON-LD. One AnnotationCollection whose first (and
// last, and only) AnnotationPage, partOf the collection, holds every Annotation. Each targets its document (source) with a
// TextQuoteSelector and a TextPositionSelector (code points, as the model requires); its bodies
// carry the label (purpose "tagging"), the speaker ("identifying"), the quote kind
// ("classifying"), the note ("commenting"), the review status ("assessing") and the cue (a
// SpecificResource on the same document with its own selectors, purpose "describing"); textual bodies
// and the source carry the document's language (BCP 47) when it is known. Each annotation's
// comments follow it as replies (motivation "replying", targeting the annotation).

import type { CommentView } from "../../comments/comment-view";
import type { ExportAnnotation, ExportDocument, ExportFormat, ExportMeta, ExportWriter } from "../../export/export-types";

export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export function documentIri(documentId: string, baseUrl?: string): string {
  return baseUrl ? `${baseUrl.replace(/\/$/, "")}/api/v1/documents/${documentId}` : `urn:uuid:${documentId}`;
}

const uuidIri = (id: string) => `urn:uuid:${id}`;

/** A span of the text as W3C selectors: the quote with its context, and the position in code points. */
type W3cSelectors = [
  { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
  { type: "TextPositionSelector"; start: number; end: number },
];

interface W3cBody {
  type: "TextualBody" | "SpecificResource";
  purpose: "tagging" | "identifying" | "classifying" | "commenting" | "assessing" | "describing";
  value?: string;
  /** Every textual body is plain text (the model's SHOULD), in its document's language when that is known. */
  format?: "text/plain";
  language?: string;
  source?: { id: string; type: "Person" | "Organization" | "Agent"; name: string } | string;
  /** The cue: a segment of the same text ("describing" body), found by its text and position. */
  selector?: [{ type: "TextQuoteSelector"; exact: string }, { type: "TextPositionSelector"; start: number; end: number }];
}

export interface W3cAnnotation {
  "@context"?: string;
  id: string;
  type: "Annotation";
  motivation: "tagging";
  created: string;
  modified: string;
  creator: { id: string; type: "Person"; name: string };
  body: W3cBody[];
  target: {
    source: { id: string; type: "Text"; format: "text/plain"; language?: string; label: string };
    selector: W3cSelectors;
  };
}

export function toW3cAnnotation(a: ExportAnnotation, baseUrl?: string, speakerKind?: "person" | "organization"): W3cAnnotation {
  const language = a.documentLanguage ? { language: a.documentLanguage } : {};
  const text = (purpose: W3cBody["purpose"], value: string): W3cBody => ({
    type: "TextualBody",
    purpose,
    value,
    format: "text/plain",
    ...language,
  });
  const body: W3cBody[] = [text("tagging", a.label)];
  if (a.speaker) {
    body.push({
      type: "SpecificResource",
      purpose: "identifying",
      source: {
        id: uuidIri(a.speaker.id),
        type: speakerKind === "organization" ? "Organization" : speakerKind === "person" ? "Person" : "Agent",
        name: a.speaker.name,
      },
    });
  }
  if (a.quoteKind) body.push(text("classifying", a.quoteKind));
  if (a.note) body.push(text("commenting", a.note));
  body.push(text("assessing", a.status));
  if (a.cueStart != null && a.cueEnd != null) {
    // The cue ("said"): the segment of the same document that reports the claim or quote.
    body.push({
      type: "SpecificResource",
      purpose: "describing",
      source: documentIri(a.documentId, baseUrl),
      selector: [
        { type: "TextQuoteSelector", exact: a.cueExact ?? "" },
        { type: "TextPositionSelector", start: a.cueStart, end: a.cueEnd },
      ],
    });
  }
  return {
    id: uuidIri(a.id),
    type: "Annotation",
    motivation: "tagging",
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { id: uuidIri(a.author.id), type: "Person", name: a.author.name },
    body,
    target: {
      source: { id: documentIri(a.documentId, baseUrl), type: "Text", format: "text/plain", ...language, label: a.documentTitle },
      selector: [
        { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: "TextPositionSelector", start: a.start, end: a.end },
      ],
    },
  };
}

/** A comment as a W3C reply: an Annotation with motivation "replying" whose target is the annotation. */
export function toW3cReply(comment: CommentView, annotationId: string): W3cReply {
  return {
    id: uuidIri(comment.id),
    type: "Annotation",
    motivation: "replying",
    created: comment.createdAt,
    modified: comment.updatedAt,
    creator: { id: uuidIri(comment.author.id), type: "Person", name: comment.author.name },
    body: { type: "TextualBody", purpose: "replying", value: comment.body, format: "text/plain" },
    target: uuidIri(annotationId),
  };
}

export interface W3cReply {
  id: string;
  type: "Annotation";
  motivation: "replying";
  created: string;
  modified: string;
  creator: { id: string; type: "Person"; name: string };
  body: { type: "TextualBody"; purpose: "replying"; value: string; format: "text/plain" };
  target: string;
}

export const w3cFormat: ExportFormat = {
  shape: "annotations",
  needsSpeakers: true,
  comments: "thread",
  createWriter(): ExportWriter {
    let meta: ExportMeta;
    let count = 0;
    let kinds = new Map<string, "person" | "organization">();
    return {
      begin(m, speakers) {
        meta = m;
        kinds = new Map(speakers.map((s) => [s.id, s.kind]));
        const collection = `urn:sourcemark:project:${m.project.id}:export:${m.exportedAt}`;
        // One page holds every annotation: it is both the first and the last.
        const page = `${collection}:page:1`;
        return (
          `{"@context":${JSON.stringify(W3C_CONTEXT)},"id":${JSON.stringify(collection)},"type":"AnnotationCollection",` +
          `"label":${JSON.stringify(`${m.project.name} — Sourcemark export`)},"generated":${JSON.stringify(m.exportedAt)},` +
          `"last":${JSON.stringify(page)},` +
          `"first":{"id":${JSON.stringify(page)},"type":"AnnotationPage","partOf":${JSON.stringify(collection)},"startIndex":0,"items":[`
        );
      },
      document: () => "",
      annotation(a: ExportAnnotation, _d: ExportDocument) {
        // The annotation, then its comments as replies to it.
        const items = [
          toW3cAnnotation(a, meta.baseUrl, a.speaker ? kinds.get(a.speaker.id) : undefined),
          ...(a.comments ?? []).map((c) => toW3cReply(c, a.id)),
        ];
        const json = items.map((item) => JSON.stringify(item)).join(",");
        const separator = count === 0 ? "" : ",";
        count += items.length;
        return `${separator}${json}`;
      },
      endDocument: () => "",
      end: () => `]},"total":${count}}\n`,
    };
  },
};
