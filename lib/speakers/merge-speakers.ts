// Merging duplicate speakers ("Zhao" into "Zhao Lijian"), undoing a merge, reattributing
// annotations, and finding likely duplicates. A merge is one transaction: every annotation of the
// merged speaker is attributed to the other (each with its event; reviews stand — it is the same
// person), the merged speaker's name and aliases become aliases of the other, and the merged
// speaker is deleted with a speaker.merged event that remembers enough to undo it.

import { z } from "zod";
import { projectAccess, speakerAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { canEditAnnotation } from "../auth/roles";
import { reattributeAnnotations } from "../annotations/annotations";
import { kindsOf } from "../changes/change-kinds";
import { insertChangesSql, kindSql } from "../changes/record-change";
import { withTransaction } from "../db/transaction";
import { conflict, forbidden, notFound, validationFailed } from "../errors/domain-error";
import type { InputReader } from "../validation/parse-input";
import type { MergeSpeakerInput, ReattributeInput } from "../validation/schemas";
import { duplicatePairs, type DuplicatePair } from "./speaker-duplicates";
import { cleanAliases, speakerNameKey } from "./speaker-name";
import { insertSpeaker, listSpeakers, lockSpeaker, readSpeaker, speakerViewSchema, writeSpeakerFields, type SpeakerView } from "./speakers";

/** What a speaker.merged event keeps, in `before`, to undo the merge. */
interface MergeRecord {
  speaker: SpeakerView;
  into: string;
  moved: string[];
  aliasesAdded: string[];
}

export const mergeResultSchema = z.object({
  /** The speaker that remains (or, after an undo, the one brought back). */
  speaker: speakerViewSchema,
  /** How many annotations changed speaker. */
  moved: z.int(),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const reattributeResultSchema = z.object({ changed: z.int() });

export const duplicatesSchema = z.object({
  pairs: z.array(z.object({ a: speakerViewSchema, b: speakerViewSchema, reason: z.string() })),
});

export interface MergeSpeakerOptions {
  actor: Actor;
  speakerId: string;
  input: InputReader<MergeSpeakerInput>;
}

export async function mergeSpeaker({ actor, speakerId, input }: MergeSpeakerOptions): Promise<MergeResult> {
  const { projectId } = await speakerAccess(actor, speakerId, "speaker.update");
  const { into } = await input();
  if (into === speakerId) throw validationFailed("A speaker cannot be merged into itself.", { into: "the same speaker" });
  return withTransaction(async (client) => {
    // Lock both in a fixed order, so two opposite merges cannot deadlock.
    const [first, second] = [speakerId, into].sort();
    const locked = new Map<string, SpeakerView | null>();
    for (const id of [first, second] as string[]) locked.set(id, await lockSpeaker(client, id));
    const from = locked.get(speakerId);
    const target = locked.get(into);
    if (!from) throw notFound("Speaker");
    const sameProject = await client.query("SELECT 1 FROM speakers WHERE id = $1 AND project_id = $2", [into, projectId]);
    if (!target || sameProject.rowCount === 0)
      throw validationFailed("into does not name a speaker of this project.", { into: "no such speaker in this project" });
    const moved = await reattributeAnnotations(client, { actor, projectId, to: into, from: { speakerId }, samePerson: true });
    const aliases = cleanAliases([...target.aliases, from.name, ...from.aliases], target.name);
    const aliasesAdded = aliases.filter((a) => !target.aliases.some((t) => speakerNameKey(t) === speakerNameKey(a)));
    await writeSpeakerFields(client, actor, target, {
      name: target.name,
      aliases,
      kind: target.kind,
      description: target.description ?? from.description,
    });
    const record: MergeRecord = { speaker: from, into, moved, aliasesAdded };
    await client.query(
      `WITH del AS (DELETE FROM speakers WHERE id = $1 RETURNING project_id, id),
       ev AS (${insertChangesSql(`SELECT project_id, NULL, id, ${kindSql("speaker.merged")}, $2, $3::json, json_build_object('id', id, 'into', $4::text) FROM del`)})
       SELECT 1`,
      [speakerId, actor.id, JSON.stringify(record), into],
    );
    // Its count as the actor may see it (annotation-visibility.ts); the event counts all.
    return { speaker: await readSpeaker(actor, projectId, into, client), moved: moved.length };
  });
}

/**
 * Undoes the last merge of a speaker: brings it back with its id, name, aliases, kind and
 * description, gives it back the annotations the merge moved that still carry the other speaker,
 * and takes the aliases the merge added off the other speaker.
 */
export async function unmergeSpeaker({ actor, speakerId }: { actor: Actor; speakerId: string }): Promise<MergeResult> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ kind: string; before: MergeRecord | null; project_id: string }>(
      "SELECT kind, before, project_id FROM change_events WHERE subject_id = $1 AND kind = ANY($2::text[]) ORDER BY id DESC LIMIT 1",
      [speakerId, kindsOf("speaker")],
    );
    const last = rows[0];
    if (!last) throw notFound("Speaker");
    await projectAccess(actor, last.project_id, "speaker.update", client);
    if (last.kind !== "speaker.merged" || !last.before) throw conflict("This speaker was not merged into another.");
    const record = last.before;
    const restored = await insertSpeaker(client, actor, last.project_id, record.speaker, speakerId);
    if (!restored) throw conflict(`A speaker named "${record.speaker.name}" exists again; rename it first.`);
    const target = await lockSpeaker(client, record.into);
    if (target) {
      const added = new Set(record.aliasesAdded.map(speakerNameKey));
      await writeSpeakerFields(client, actor, target, { ...target, aliases: target.aliases.filter((a) => !added.has(speakerNameKey(a))) });
    }
    const movedBack = target
      ? await reattributeAnnotations(client, {
          actor,
          projectId: last.project_id,
          to: speakerId,
          from: { ids: record.moved },
          samePerson: true,
        })
      : [];
    // Only those still attributed to the merged-into speaker came back; counted as the actor may see them.
    return { speaker: await readSpeaker(actor, last.project_id, speakerId, client), moved: movedBack.length };
  });
}

export interface ReattributeAnnotationsOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<ReattributeInput>;
}

/**
 * Gives many annotations another speaker (a reviewer's correction on a speaker's page). Reviewers
 * and owners may change anyone's; annotators only their own. A different speaker is a different
 * attribution, so reviews of these annotations go back to pending.
 */
export async function reattribute({ actor, projectId, input }: ReattributeAnnotationsOptions): Promise<{ changed: number }> {
  const { role } = await projectAccess(actor, projectId, "annotation.editOwn");
  const { annotationIds, speakerId } = await input();
  return withTransaction(async (client) => {
    if (speakerId !== null) {
      const found = await client.query("SELECT 1 FROM speakers WHERE id = $1 AND project_id = $2", [speakerId, projectId]);
      if (found.rowCount === 0)
        throw validationFailed("speakerId does not name a speaker of this project.", { speakerId: "no such speaker in this project" });
    }
    const { rows } = await client.query<{ id: string; author_id: string }>(
      "SELECT id, author_id FROM annotations WHERE project_id = $1 AND id = ANY($2::text[])",
      [projectId, annotationIds],
    );
    if (rows.length < new Set(annotationIds).size) {
      throw validationFailed("annotationIds names annotations that are not in this project.", { annotationIds: "unknown annotation" });
    }
    if (rows.some((row) => !canEditAnnotation(role, row.author_id === actor.id))) {
      throw forbidden("Annotators can change only their own annotations.");
    }
    const changed = await reattributeAnnotations(client, {
      actor,
      projectId,
      to: speakerId,
      from: { ids: annotationIds },
      samePerson: false,
    });
    return { changed: changed.length };
  });
}

/** Likely duplicate speakers of a project (see speaker-duplicates.ts). */
export async function speakerDuplicates(actor: Actor, projectId: string): Promise<DuplicatePair<SpeakerView>[]> {
  return duplicatePairs((await listSpeakers(actor, projectId)).items);
}
