// `w3c` import: W3C Web Annotations — a collection, a page, a list or one annotation, ours or
// another tool's. Each attaches to a document of the project by its target source's id, else the
// source's label (title); its bodies give the label, speaker, quote kind, note and status.

import { validationFailed } from "../../errors/domain-error";
import type { ImportSession } from "../../import/import-session";

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

/** W3C annotations: each attaches to a document of the project by its target source, else its label. */
export async function importW3c(session: ImportSession, body: unknown): Promise<void> {
  const items = w3cItems(body);
  if (items.length === 0 && !(isObject(body) && (body.type === "AnnotationCollection" || body.type === "AnnotationPage"))) {
    throw validationFailed("A w3c import is an AnnotationCollection, an AnnotationPage, a list of Annotations or one Annotation.", {
      type: "not a W3C Web Annotation document",
    });
  }
  for (const { item, value } of items) {
    // Comments exported as replies target an annotation, not a span of text: not annotations to import.
    if (isObject(value) && value.motivation === "replying") continue;
    const span = readW3cAnnotation(item, value);
    await session.add({
      ref: item,
      document: { id: span.documentId, title: span.documentTitle },
      label: span.label,
      quoteKind: span.quoteKind,
      start: span.start,
      end: span.end,
      exact: span.exact,
      speaker: span.speakerName ? { name: span.speakerName, kind: span.speakerKind ?? undefined } : null,
      note: span.note,
      status: span.status,
    });
  }
  await session.flush();
}
