// `doccano` import: doccano's JSONL export of a sequence-labeling project, one example per line:
// {"id", "text", "label": [[start, end, "Claim"], …]} (also the older "annotations" and the
// relation projects' "entities" with start_offset/end_offset). Each line's text becomes a document
// (title from "title", else its first line); each span an annotation, labelled Claim or Quote in
// any case; "speakers": [[start, end, "name"], …] gives the speaker of the span at those offsets, and
// "cues": [[cueStart, cueEnd, start, end], …] its cue (the "Cue" spans of "label" are not annotations).
// doccano writes no span text, so the offsets' unit is told by which reading splits no character
// (lib/import/foreign-tasks.ts).

import { importForeignTasks, titleOf, type ForeignRegion, type ForeignTask } from "../../import/foreign-tasks";
import { WHOLE_IMPORT_LIMIT } from "../../import/import-annotations";
import { isJsonObject, listOf } from "../../import/import-record";
import type { ImportSession } from "../../import/import-session";
import { labelOfName } from "../../model/vocabulary";
import { readJsonLines } from "../jsonl/reader";

/** A span of any of doccano's shapes as [start, end, label]. */
function spanOf(value: unknown): [unknown, unknown, unknown] | null {
  if (Array.isArray(value) && value.length >= 3) return [value[0], value[1], value[2]];
  if (isJsonObject(value)) return [value.start_offset, value.end_offset, value.label];
  return null;
}

export function doccanoTask(line: number, value: unknown): ForeignTask | string {
  if (!isJsonObject(value)) return "a line must hold a JSON object";
  const ref = `line ${line}`;
  const speakers = new Map<string, string>();
  for (const entry of listOf(value.speakers)) {
    const span = spanOf(entry);
    if (span && typeof span[2] === "string") speakers.set(`${String(span[0])}:${String(span[1])}`, span[2]);
  }
  const cues = new Map<string, { start: unknown; end: unknown; text: null }>();
  for (const entry of listOf(value.cues)) {
    if (Array.isArray(entry) && entry.length >= 4)
      cues.set(`${String(entry[2])}:${String(entry[3])}`, { start: entry[0], end: entry[1], text: null });
  }
  const id = value.id ?? value.documentId;
  const field = Array.isArray(value.label) ? "label" : Array.isArray(value.entities) ? "entities" : "annotations";
  const regions: ForeignRegion[] = [];
  listOf(value[field]).forEach((entry, i) => {
    const span = spanOf(entry);
    if (!span) return;
    const [start, end, label] = span;
    // A cue is shown as a "Cue" span; which span it reports is in "cues".
    if (typeof label === "string" && label.toLowerCase() === "cue") return;
    const cue = cues.get(`${String(start)}:${String(end)}`);
    regions.push({
      ...(cue ? { cue } : {}),
      ref: `${ref}: ${field}[${i}]`,
      start,
      end,
      text: null,
      label: labelOfName(label),
      speaker: speakers.get(`${String(start)}:${String(end)}`) ?? null,
      sourceId: id === undefined || id === null ? null : `doccano:${String(id)}/${String(start)}-${String(end)}/${String(label)}`,
    });
  });
  return {
    ref,
    title: titleOf(value.title, value.text),
    text: value.text,
    sourceUrl: value.source_url ?? null,
    publishedAt: value.published_at ?? null,
    language: value.language ?? null,
    regions,
  };
}

/** Read whole (the offsets' unit is decided over the file), so no larger than a json import. */
export async function importDoccano(session: ImportSession, body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  const tasks: ForeignTask[] = [];
  for await (const { number, value } of readJsonLines(session, body, Math.min(limit, WHOLE_IMPORT_LIMIT))) {
    const task = doccanoTask(number, value);
    if (typeof task === "string") session.rejectDocument(`line ${number}`, task);
    else tasks.push(task);
  }
  await importForeignTasks(session, tasks);
}
