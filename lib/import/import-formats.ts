// Readers for the three import formats, each producing ImportSpans (and, for `json`, documents):
//   json  — our own json export: documents (with texts), their annotations, speakers;
//   jsonl — our jsonl export: one annotation per line, attached by documentId, else documentTitle;
//   w3c   — a W3C Web Annotation collection, page, list or single annotation (ours or compatible).

import { badRequest, validationFailed } from "../errors/domain-error";
import { readW3cAnnotation, w3cItems } from "../export/w3c-format";
import type { ImportSpan, ImportSpeaker } from "./import-record";
import type { ImportSession } from "./import-session";

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

function speakerOf(value: unknown, details: Map<string, ImportSpeaker>): ImportSpeaker | null {
  if (!isObject(value) || typeof value.name !== "string") return null;
  const known = typeof value.id === "string" ? details.get(value.id) : undefined;
  return known ?? { name: value.name };
}

/** Our json export: documents are created, then their annotations checked against them. */
export async function importJsonExport(session: ImportSession, body: unknown): Promise<void> {
  if (!isObject(body) || !Array.isArray(body.documents)) {
    throw validationFailed("A json import is a Sourcemark json export: an object with a documents array.", {
      documents: "missing or not an array",
    });
  }
  const speakers = new Map<string, ImportSpeaker>();
  if (Array.isArray(body.speakers)) {
    for (const s of body.speakers) {
      if (!isObject(s) || typeof s.id !== "string" || typeof s.name !== "string") continue;
      speakers.set(s.id, {
        name: s.name,
        aliases: Array.isArray(s.aliases) ? s.aliases.filter((a): a is string => typeof a === "string") : [],
        kind: s.kind === "organization" ? "organization" : "person",
        description: typeof s.description === "string" ? s.description : null,
      });
    }
  }
  for (const [i, doc] of body.documents.entries()) {
    const ref = `documents[${i}]`;
    const annotations = isObject(doc) && Array.isArray(doc.annotations) ? doc.annotations : [];
    const created = isObject(doc)
      ? await session.createDocument({ ref, title: doc.title, text: doc.text, sourceUrl: doc.sourceUrl, publishedAt: doc.publishedAt })
      : session.rejectDocument(ref, "a document must be an object");
    for (const [j, a] of annotations.entries()) {
      const spanRef = `${ref}.annotations[${j}]`;
      if (!created) {
        session.skip(spanRef, `its document (${ref}) was not imported`);
        continue;
      }
      if (!isObject(a)) {
        session.skip(spanRef, "an annotation must be an object");
        continue;
      }
      await session.add({
        ref: spanRef,
        document: { created },
        label: a.label,
        quoteKind: a.quoteKind,
        start: a.start,
        end: a.end,
        exact: a.exact,
        speaker: speakerOf(a.speaker, speakers),
        note: a.note,
        status: a.status,
      });
    }
  }
  await session.flush();
}

/** One jsonl record (our jsonl export's fields); `text` is the span's exact text. */
export function jsonlSpan(line: number, value: unknown): ImportSpan | string {
  if (!isObject(value)) return "a line must hold a JSON object";
  return {
    ref: `line ${line}`,
    document: {
      id: typeof value.documentId === "string" ? value.documentId : null,
      title: typeof value.documentTitle === "string" ? value.documentTitle : null,
    },
    label: value.label,
    quoteKind: value.quoteKind,
    start: value.start,
    end: value.end,
    exact: value.text ?? value.exact,
    speaker: isObject(value.speaker) && typeof value.speaker.name === "string" ? { name: value.speaker.name } : null,
    note: value.note,
    status: value.status,
  };
}

/** Reads jsonl from a byte stream line by line, so memory stays flat whatever the file's size. */
export async function importJsonLines(session: ImportSession, body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  if (!body) throw badRequest("Request body must be JSON lines; it was empty.");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = body.getReader();
  let buffered = "";
  let lineNumber = 0;
  let bytes = 0;
  const handle = async (raw: string) => {
    lineNumber++;
    const line = raw.replace(/\r$/, "").trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      session.skip(`line ${lineNumber}`, `not valid JSON: ${(error as Error).message}`);
      return;
    }
    const span = jsonlSpan(lineNumber, value);
    if (typeof span === "string") session.skip(`line ${lineNumber}`, span);
    else await session.add(span);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      throw badRequest(`The import is larger than ${limit} bytes; split it into several files.`);
    }
    let text: string;
    try {
      text = decoder.decode(value, { stream: true });
    } catch {
      await reader.cancel();
      throw badRequest(`Line ${lineNumber + 1} is not valid UTF-8.`);
    }
    buffered += text;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      await handle(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf("\n");
    }
  }
  if (buffered) await handle(buffered);
  await session.flush();
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
    const span = readW3cAnnotation(item, value as never);
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
