// `labelstudio` import: a Label Studio JSON export (a list of tasks). Each task's `data.text`
// becomes a document (title from `data.title`, `meta.title`, else its first line); each `labels`
// region of its (not cancelled) annotations becomes an annotation, labelled Claim or Quote in any
// case. Per-region results sharing the region's id carry the speaker (`textarea` or `choices` whose
// name contains "speaker"), the quote kind (`choices` direct/indirect/mixed) and the note
// (`textarea` "note"); a region's `meta.speaker` works too. A `Cue` region linked to a span by a
// relation is that span's cue. Offsets: see lib/import/foreign-tasks.ts.

import { validationFailed } from "../../errors/domain-error";
import { importForeignTasks, titleOf, type ForeignRegion, type ForeignTask } from "../../import/foreign-tasks";
import { isJsonObject, listOf, uuidOfIri } from "../../import/import-record";
import type { ImportSession } from "../../import/import-session";
import { isQuoteKind, labelOfName } from "../../model/vocabulary";

const firstString = (value: unknown): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() ? first.trim() : null;
};

/** The task's text: `data.text`, else its only string field (a config may name it anything). */
function taskText(data: Record<string, unknown>): unknown {
  if ("text" in data) return data.text;
  const strings = Object.values(data).filter((v) => typeof v === "string");
  return strings.length === 1 ? strings[0] : undefined;
}

export function labelStudioTask(task: unknown, i: number): ForeignTask {
  const ref = `[${i}]`;
  const data = isJsonObject(task) && isJsonObject(task.data) ? task.data : {};
  const meta = isJsonObject(task) && isJsonObject(task.meta) ? task.meta : {};
  const text = taskText(data);
  const taskId = isJsonObject(task) ? task.id : undefined;
  const regions: ForeignRegion[] = [];
  const annotations = isJsonObject(task) ? listOf(task.annotations) : [];
  annotations.forEach((annotation, j) => {
    if (!isJsonObject(annotation) || annotation.was_cancelled === true) return;
    const results = listOf(annotation.result).filter(isJsonObject);
    const extras = (id: unknown) => results.filter((r) => r.id === id && r.type !== "labels");
    // Cue regions, by id, and what each is linked to by a relation (either way round).
    const isCue = (r: Record<string, unknown>) =>
      r.type === "labels" && isJsonObject(r.value) && String(listOf(r.value.labels)[0] ?? "").toLowerCase() === "cue";
    const cues = new Map(results.filter(isCue).map((r) => [r.id, r.value as Record<string, unknown>]));
    const cueOf = new Map<unknown, Record<string, unknown>>();
    for (const r of results) {
      if (r.type !== "relation") continue;
      const [cue, span] = cues.has(r.from_id) ? [r.from_id, r.to_id] : [r.to_id, r.from_id];
      const value = cues.get(cue);
      if (value) cueOf.set(span, value);
    }
    results.forEach((result, k) => {
      if (result.type !== "labels" || !isJsonObject(result.value) || isCue(result)) return;
      const value = result.value;
      const region: ForeignRegion = {
        ref: `${ref}.annotations[${j}].result[${k}]`,
        start: value.start,
        end: value.end,
        text: typeof value.text === "string" ? value.text : null,
        label: labelOfName(listOf(value.labels)[0]),
        speaker: isJsonObject(result.meta) ? firstString(result.meta.speaker) : null,
        sourceId: null,
      };
      const cue = cueOf.get(result.id);
      if (cue) region.cue = { start: cue.start, end: cue.end, text: typeof cue.text === "string" ? cue.text : null };
      if (typeof result.id === "string" && result.id) {
        region.sourceId = uuidOfIri(result.id) ? result.id : `labelstudio:${String(taskId ?? "")}/${result.id}`;
      }
      for (const extra of extras(result.id)) {
        const name = typeof extra.from_name === "string" ? extra.from_name.toLowerCase() : "";
        const v = isJsonObject(extra.value) ? extra.value : {};
        const said = extra.type === "textarea" ? firstString(v.text) : extra.type === "choices" ? firstString(v.choices) : null;
        if (name.includes("speaker")) region.speaker = said ?? region.speaker;
        else if (extra.type === "choices" && isQuoteKind(said)) region.quoteKind = said;
        else if (name.includes("note") || name.includes("comment"))
          region.note = extra.type === "textarea" ? listOf(v.text).join("\n") : said;
      }
      regions.push(region);
    });
  });
  return {
    ref,
    title: titleOf(data.title ?? meta.title, text),
    text,
    sourceUrl: data.sourceUrl ?? data.url ?? null,
    publishedAt: data.publishedAt ?? null,
    language: data.language ?? meta.language ?? null,
    regions,
  };
}

export async function importLabelStudio(session: ImportSession, body: unknown): Promise<void> {
  const tasks = Array.isArray(body) ? body : isJsonObject(body) && isJsonObject(body.data) ? [body] : null;
  if (!tasks) {
    throw validationFailed("A labelstudio import is a Label Studio JSON export: a list of tasks with data.text and annotations.", {
      tasks: "not a list of Label Studio tasks",
    });
  }
  await importForeignTasks(session, tasks.map(labelStudioTask));
}
