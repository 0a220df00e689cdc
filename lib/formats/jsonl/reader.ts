// `jsonl` import: a Sourcemark jsonl export, one annotation per line, read as it streams in. Each
// line attaches to a document of the project by documentId, else documentTitle.

import { badRequest } from "../../errors/domain-error";
import { byteLines } from "../../text/byte-lines";
import { findUnstorableText } from "../../text/normalize";
import { isJsonObject, reportError, sourceIdsOf, type ImportSpan } from "../../import/import-record";
import type { ImportSession } from "../../import/import-session";

/** One jsonl record (our jsonl export's fields); `text` is the span's exact text. */
export function jsonlSpan(line: number, value: unknown): ImportSpan | string {
  if (!isJsonObject(value)) return "a line must hold a JSON object";
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
    cueStart: value.cueStart,
    cueEnd: value.cueEnd,
    speaker: isJsonObject(value.speaker) && typeof value.speaker.name === "string" ? { name: value.speaker.name } : null,
    note: value.note,
    status: value.status,
    sourceIds: sourceIdsOf(value),
  };
}

/** The longest line a jsonl import takes (one annotation never needs more). */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * The JSON values of a JSON Lines byte stream, line by line, in linear time and flat memory whatever
 * the file's size. A line that is too long, not UTF-8, not JSON, or not storable text is reported
 * by its number and skipped. A body over `limit` stops the reading: what came before is yielded,
 * and the report says where it stopped (never an error after partial writes).
 */
export async function* readJsonLines(
  session: ImportSession,
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): AsyncGenerator<{ number: number; value: unknown }> {
  if (!body) throw badRequest("Request body must be JSON lines; it was empty.");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      if (bytes > limit) controller.error(new Error("too large"));
      else controller.enqueue(chunk);
    },
  });
  try {
    for await (const line of byteLines(body.pipeThrough(counted), MAX_LINE_BYTES)) {
      const ref = `line ${line.number}`;
      if ("tooLong" in line) {
        session.skip(ref, `longer than ${MAX_LINE_BYTES} bytes`);
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(line.bytes).replace(/\r$/, "").trim();
      } catch {
        session.skip(ref, "not valid UTF-8");
        continue;
      }
      if (!text) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        session.skip(ref, `not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const unstorable = findUnstorableText(value);
      if (unstorable) {
        session.skip(ref, `${unstorable.path} ${unstorable.problem}`);
        continue;
      }
      yield { number: line.number, value };
    }
  } catch (error) {
    if (bytes <= limit) throw error;
    reportError(session.report, "(body)", `larger than ${limit} bytes: the rest was not read; split the file and import the rest`);
  }
}

/** Our jsonl export, one annotation per line, each written as it is read. */
export async function importJsonLines(session: ImportSession, body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  for await (const { number, value } of readJsonLines(session, body, limit)) {
    const span = jsonlSpan(number, value);
    if (typeof span === "string") session.skip(`line ${number}`, span);
    else await session.add(span);
  }
  await session.flush();
}
