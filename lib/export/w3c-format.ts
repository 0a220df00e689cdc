// `w3c`: the W3C Web Annotation Data Model as JSON-LD. One AnnotationCollection whose first (and
// only) AnnotationPage holds every Annotation. Each targets its document (source) with a
// TextQuoteSelector and a TextPositionSelector (code points, as the model requires); its bodies
// carry the label (purpose "tagging"), the speaker ("identifying"), the quote kind
// ("classifying"), the note ("commenting") and the review status ("assessing").
// Also the reader for imports: w3cAnnotations() turns a parsed document back into spans.

import type { ExportAnnotation, ExportDocument, ExportFormat, ExportMeta, ExportWriter } from "./export-types";

export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export function documentIri(documentId: string, baseUrl?: string): string {
  return baseUrl ? `${baseUrl.replace(/\/$/, "")}/api/v1/documents/${documentId}` : `urn:uuid:${documentId}`;
}

const uuidIri = (id: string) => `urn:uuid:${id}`;

interface W3cBody {
  type: "TextualBody" | "SpecificResource";
  purpose: "tagging" | "identifying" | "classifying" | "commenting" | "assessing";
  value?: string;
  source?: { id: string; type: "Person" | "Organization" | "Agent"; name: string };
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
    source: { id: string; type: "Text"; format: "text/plain"; label: string };
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
}

export function toW3cAnnotation(a: ExportAnnotation, baseUrl?: string, speakerKind?: "person" | "organization"): W3cAnnotation {
  const body: W3cBody[] = [{ type: "TextualBody", purpose: "tagging", value: a.label }];
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
  if (a.quoteKind) body.push({ type: "TextualBody", purpose: "classifying", value: a.quoteKind });
  if (a.note) body.push({ type: "TextualBody", purpose: "commenting", value: a.note });
  body.push({ type: "TextualBody", purpose: "assessing", value: a.status });
  return {
    id: uuidIri(a.id),
    type: "Annotation",
    motivation: "tagging",
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { id: uuidIri(a.author.id), type: "Person", name: a.author.name },
    body,
    target: {
      source: { id: documentIri(a.documentId, baseUrl), type: "Text", format: "text/plain", label: a.documentTitle },
      selector: [
        { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: "TextPositionSelector", start: a.start, end: a.end },
      ],
    },
  };
}

export const w3cFormat: ExportFormat = {
  id: "w3c",
  contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  extension: "jsonld",
  shape: "annotations",
  needsSpeakers: true,
  createWriter(): ExportWriter {
    let meta: ExportMeta;
    let count = 0;
    let kinds = new Map<string, "person" | "organization">();
    return {
      begin(m, speakers) {
        meta = m;
        kinds = new Map(speakers.map((s) => [s.id, s.kind]));
        const collection = `urn:sourcemark:project:${m.project.id}:export:${m.exportedAt}`;
        return (
          `{"@context":${JSON.stringify(W3C_CONTEXT)},"id":${JSON.stringify(collection)},"type":"AnnotationCollection",` +
          `"label":${JSON.stringify(`${m.project.name} — Sourcemark export`)},"generated":${JSON.stringify(m.exportedAt)},` +
          `"first":{"id":${JSON.stringify(`${collection}:page:1`)},"type":"AnnotationPage","startIndex":0,"items":[`
        );
      },
      document: () => "",
      annotation(a: ExportAnnotation, _d: ExportDocument) {
        const json = JSON.stringify(toW3cAnnotation(a, meta.baseUrl, a.speaker ? kinds.get(a.speaker.id) : undefined));
        return `${count++ === 0 ? "" : ","}${json}`;
      },
      endDocument: () => "",
      end: () => `]},"total":${count}}\n`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Reading W3C annotations back (imports, round-trip tests)

export interface W3cSpan {
  /** Where it came from in the input, for error reports ("items[3]"). */
  item: string;
  /** Document id taken from the target source IRI, if it has one of ours. */
  documentId: string | null;
  documentTitle: string | null;
  label: string | null;
  start: number | null;
  end: number | null;
  exact: string | null;
  speakerName: string | null;
  speakerKind: "person" | "organization" | null;
  quoteKind: string | null;
  note: string | null;
  status: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: Json | undefined): Json[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const str = (value: Json | undefined): string | null => (typeof value === "string" ? value : null);

/** The annotations of a collection (first.items, items), a plain list or a single annotation. */
export function w3cItems(document: unknown): { item: string; value: Json }[] {
  if (Array.isArray(document)) return document.map((value, i) => ({ item: `[${i}]`, value: value as Json }));
  if (!isObject(document)) return [];
  if (document.type === "Annotation") return [{ item: "annotation", value: document }];
  const pages: { path: string; page: Json }[] = [];
  if (document.first !== undefined) pages.push({ path: "first", page: document.first });
  if (document.items !== undefined) pages.push({ path: "", page: document });
  const out: { item: string; value: Json }[] = [];
  for (const { path, page } of pages) {
    if (!isObject(page)) continue;
    asArray(page.items).forEach((value, i) => out.push({ item: `${path ? `${path}.` : ""}items[${i}]`, value }));
  }
  return out;
}

const UUID_TAIL = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export function readW3cAnnotation(item: string, value: Json): W3cSpan {
  const span: W3cSpan = {
    item,
    documentId: null,
    documentTitle: null,
    label: null,
    start: null,
    end: null,
    exact: null,
    speakerName: null,
    speakerKind: null,
    quoteKind: null,
    note: null,
    status: null,
  };
  if (!isObject(value)) return span;
  for (const body of asArray(value.body)) {
    if (!isObject(body)) continue;
    const purpose = str(body.purpose);
    if (purpose === "tagging") span.label = str(body.value);
    else if (purpose === "classifying") span.quoteKind = str(body.value);
    else if (purpose === "commenting") span.note = str(body.value);
    else if (purpose === "assessing") span.status = str(body.value);
    else if (purpose === "identifying") {
      const source = body.source;
      span.speakerName = str(body.value) ?? (isObject(source) ? str(source.name) : null);
      if (isObject(source)) span.speakerKind = source.type === "Organization" ? "organization" : source.type === "Person" ? "person" : null;
    }
  }
  const target = asArray(value.target)[0];
  if (isObject(target)) {
    const source = target.source;
    const sourceId = str(source) ?? (isObject(source) ? str(source.id) : null);
    span.documentId = sourceId ? (UUID_TAIL.exec(sourceId)?.[1]?.toLowerCase() ?? null) : null;
    span.documentTitle = isObject(source) ? str(source.label) : null;
    for (const selector of asArray(target.selector)) {
      if (!isObject(selector)) continue;
      if (selector.type === "TextQuoteSelector") span.exact = str(selector.exact);
      if (selector.type === "TextPositionSelector") {
        span.start = typeof selector.start === "number" ? selector.start : null;
        span.end = typeof selector.end === "number" ? selector.end : null;
      }
    }
  }
  return span;
}
