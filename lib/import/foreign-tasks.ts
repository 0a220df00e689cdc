// Files of other annotation tools (Label Studio, doccano): one task per document, its text and its
// regions. Documents are created from the tasks' texts (or found, when imported before); each
// region's offsets are read in the file's unit — UTF-16 units or code points, decided over the whole
// file by checking regions against their text (lib/text/offset-units.ts) — and a region that fits
// neither reading is refused by name. Offsets are read on the text as the file gives it (CRLF line
// endings included) and moved to the stored text (LF). What is left goes through the session like
// any span.

import { CodePointIndex } from "../text/code-points";
import { newlineOffsetMap, normalizeNewlines } from "../text/normalize";
import { OffsetUnitVote, resolveRegion } from "../text/offset-units";
import { reportNotice } from "./import-record";
import type { ImportSession } from "./import-session";

export interface ForeignRegion {
  /** "[3].annotations[0].result[2]", "line 4: label[1]". */
  ref: string;
  start: unknown;
  end: unknown;
  /** The region's text as the tool wrote it (Label Studio does; doccano does not). */
  text: string | null;
  label: unknown;
  speaker: string | null;
  quoteKind?: unknown;
  note?: unknown;
  /** Its id in the tool, for idempotent re-imports. */
  sourceId: string | null;
  /** Its cue (the reporting verb), in the same unit as the region's offsets. */
  cue?: { start: unknown; end: unknown; text: string | null };
}

export interface ForeignTask {
  ref: string;
  title: unknown;
  text: unknown;
  sourceUrl?: unknown;
  publishedAt?: unknown;
  language?: unknown;
  regions: ForeignRegion[];
}

const MAX_TITLE = 200;

/** A task's title: the file's field when it has one, else the text's first non-empty line (shortened). */
export function titleOf(field: unknown, text: unknown): unknown {
  if (typeof field === "string" && field.trim()) return field;
  if (typeof text !== "string") return field;
  const line =
    text
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? "";
  const points = Array.from(line);
  return points.length > MAX_TITLE ? `${points.slice(0, MAX_TITLE - 1).join("")}…` : line;
}

export async function importForeignTasks(session: ImportSession, tasks: ForeignTask[]): Promise<void> {
  const indexes = tasks.map((task) => (typeof task.text === "string" ? new CodePointIndex(task.text) : null));
  const storedOffsets = indexes.map((index) => (index ? newlineOffsetMap(index.text) : null));
  const vote = new OffsetUnitVote();
  tasks.forEach((task, i) => {
    const index = indexes[i];
    if (index) for (const region of task.regions) for (const r of region.cue ? [region, region.cue] : [region]) vote.add(index, r);
  });
  const unit = vote.unit;
  reportNotice(session.report, "(file)", `offsets read as ${unit === "utf-16" ? "UTF-16 units" : "code points"}`);
  for (const [i, task] of tasks.entries()) {
    const created = await session.createDocument({
      ref: task.ref,
      title: task.title,
      text: task.text,
      sourceUrl: task.sourceUrl,
      publishedAt: task.publishedAt,
      language: task.language,
    });
    const index = indexes[i];
    for (const region of task.regions) {
      if (!created || !index) {
        session.skip(region.ref, `its document (${task.ref}) was not imported`);
        continue;
      }
      const span = resolveRegion(index, region, unit);
      if (!span) {
        const what = region.text === null ? "" : ` ${JSON.stringify(region.text)}`;
        session.skip(
          region.ref,
          `region${what} at ${String(region.start)}..${String(region.end)} matches the text neither in UTF-16 units nor in code points`,
        );
        continue;
      }
      const cue = region.cue ? resolveRegion(index, region.cue, unit) : null;
      if (region.cue && !cue) {
        session.skip(
          region.ref,
          `its cue at ${String(region.cue.start)}..${String(region.cue.end)} matches the text neither in UTF-16 units nor in code points`,
        );
        continue;
      }
      // The file's offsets are into its text as it holds it; the document keeps it with LF line endings.
      const stored = storedOffsets[i] ?? ((offset: number) => offset);
      await session.add({
        ref: region.ref,
        document: { created },
        label: region.label,
        quoteKind: region.quoteKind ?? null,
        start: stored(span.start),
        end: stored(span.end),
        cueStart: cue ? stored(cue.start) : null,
        cueEnd: cue ? stored(cue.end) : null,
        exact: normalizeNewlines(index.slice(span.start, span.end)),
        speaker: region.speaker ? { name: region.speaker } : null,
        note: region.note ?? null,
        status: null,
        sourceIds: region.sourceId ? [region.sourceId] : [],
      });
    }
  }
  await session.flush();
}
