// `w3c` import: W3C Web Annotations — a collection, a page, a list or one annotation, ours or
// another tool's (Hypothesis, Recogito, Apache Annotator). Each attaches to a document of the
// project by its target source's id, else the source's label (title); its bodies give the label
// (in any case: "Quote", "claim"), speaker, quote kind, note, status and cue (a "describing" body with
// selectors of its own). Its selectors are anchored
// like an annotation client does (lib/text/anchor.ts): position, else quote, else a fuzzy quote.
// `type` may be a string or an array (JSON-LD), `target` one object or an array.

import { validationFailed } from "../../errors/domain-error";
import { sourceIdsOf, uuidOfIri } from "../../import/import-record";
import type { ImportSession } from "../../import/import-session";
import { isLabel, labelOfName } from "../../model/vocabulary";
import type { SpanSelectors } from "../../text/anchor";
import { normalizeNewlines } from "../../text/normalize";

export interface W3cSpan {
  /** Where it came from in the input, for error reports ("items[3]"). */
  item: string;
  /** Document id taken from the target source IRI, if it has one of ours. */
  documentId: string | null;
  documentTitle: string | null;
  label: unknown;
  selectors: SpanSelectors;
  /** Its id and via: a re-import finds it by either. */
  sourceIds: string[];
  /** The cue's selectors (a "describing" body), when it has one. */
  cueSelectors: SpanSelectors | null;
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
/** JSON-LD lets `type` be one name or several. */
const hasType = (value: Record<string, Json>, type: string): boolean => asArray(value.type).includes(type);

/** The annotations of a collection (first.items, items), a plain list or a single annotation. */
export function w3cItems(document: unknown): { item: string; value: Json }[] {
  if (Array.isArray(document)) return document.map((value, i) => ({ item: `[${i}]`, value: value as Json }));
  if (!isObject(document)) return [];
  if (hasType(document, "Annotation")) return [{ item: "annotation", value: document }];
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

export function readW3cAnnotation(item: string, value: Json): W3cSpan {
  const span: W3cSpan = {
    item,
    documentId: null,
    documentTitle: null,
    label: null,
    selectors: {},
    sourceIds: [],
    cueSelectors: null,
    speakerName: null,
    speakerKind: null,
    quoteKind: null,
    note: null,
    status: null,
  };
  if (!isObject(value)) return span;
  span.sourceIds = sourceIdsOf(value);
  // Several tags may come (Hypothesis): the one naming a label wins; else the first, refused by name.
  let otherTag: string | null = null;
  for (const body of asArray(value.body)) {
    // A bare string body is a tag, as some tools write them.
    const tagged = typeof body === "string" ? { purpose: "tagging", value: body } : isObject(body) ? body : null;
    if (!tagged) continue;
    const purpose = str(tagged.purpose)?.toLowerCase() ?? null;
    const text = str(tagged.value);
    const label = labelOfName(text);
    // The cue: a segment of the same text with its own selectors (our export writes it so).
    if (purpose === "describing" && tagged.selector !== undefined) span.cueSelectors = selectorsOf(tagged.selector);
    else if (purpose === "commenting") span.note = text;
    else if (purpose === "assessing") span.status = text;
    else if (purpose === "identifying") {
      const source = tagged.source;
      span.speakerName = text ?? (isObject(source) ? str(source.name) : null);
      if (isObject(source))
        span.speakerKind = hasType(source, "Organization") ? "organization" : hasType(source, "Person") ? "person" : null;
    } else if (isLabel(label)) span.label ??= label;
    else if (purpose === "classifying") span.quoteKind = text;
    else if (purpose === "tagging") otherTag ??= text;
    // A body with no purpose and no label is the annotation's comment (Hypothesis writes them so).
    else if (purpose === null) span.note ??= text;
  }
  span.label ??= otherTag;
  // Hypothesis writes `target: [{ source, selector: [...] }]`: take the first target with selectors.
  const targets = asArray(value.target).filter(isObject);
  const target = targets.find((t) => t.selector !== undefined) ?? targets[0];
  if (target) {
    const source = target.source;
    const sourceId = str(source) ?? (isObject(source) ? str(source.id) : null);
    span.documentId = sourceId ? uuidOfIri(sourceId) : null;
    span.documentTitle = isObject(source) ? str(source.label) : null;
    span.selectors = selectorsOf(target.selector);
  }
  return span;
}

/** A target's (or the cue body's) TextQuoteSelector and TextPositionSelector. */
function selectorsOf(value: Json | undefined): SpanSelectors {
  const selectors: SpanSelectors = {};
  for (const selector of asArray(value)) {
    if (!isObject(selector)) continue;
    if (hasType(selector, "TextQuoteSelector") && typeof selector.exact === "string") {
      // Our texts have LF line endings: a quote taken from a CRLF copy of the text is found all the same.
      const lf = (text: string | null) => (text === null ? null : normalizeNewlines(text));
      selectors.quote = { exact: normalizeNewlines(selector.exact), prefix: lf(str(selector.prefix)), suffix: lf(str(selector.suffix)) };
    }
    if (hasType(selector, "TextPositionSelector") && typeof selector.start === "number" && typeof selector.end === "number") {
      selectors.position = { start: selector.start, end: selector.end };
    }
  }
  return selectors;
}

/** W3C annotations: each attaches to a document of the project by its target source, else its label. */
export async function importW3c(session: ImportSession, body: unknown): Promise<void> {
  const items = w3cItems(body);
  if (items.length === 0 && !(isObject(body) && (hasType(body, "AnnotationCollection") || hasType(body, "AnnotationPage")))) {
    throw validationFailed("A w3c import is an AnnotationCollection, an AnnotationPage, a list of Annotations or one Annotation.", {
      type: "not a W3C Web Annotation document",
    });
  }
  for (const { item, value } of items) {
    // Comments exported as replies target an annotation, not a span of text: not annotations to import.
    if (isObject(value) && asArray(value.motivation).includes("replying")) continue;
    const span = readW3cAnnotation(item, value);
    await session.add({
      ref: item,
      document: { id: span.documentId, title: span.documentTitle },
      label: span.label,
      quoteKind: span.quoteKind,
      start: null,
      end: null,
      exact: null,
      selectors: span.selectors,
      cueSelectors: span.cueSelectors ?? undefined,
      sourceIds: span.sourceIds,
      speaker: span.speakerName ? { name: span.speakerName, kind: span.speakerKind ?? undefined } : null,
      note: span.note,
      status: span.status,
    });
  }
  await session.flush();
}
