// Speakers: the people and organisations spans are attributed to. A name is unique per project,
// ignoring case and repeated spaces ("Zhao Lijian" = "zhao  lijian"); aliases help find them.
// One writer per change — insertSpeaker (behind createSpeaker and findOrCreateSpeaker) and
// updateSpeaker — each recording its change event in the statement that writes.

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { memberAllowedSql, projectAccess, speakerAccess, type ProjectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { rolesAllowed } from "../auth/roles";
import { countedLayer, inVisibleLayerSql } from "../annotations/annotation-visibility";
import { insertChangesSql, kindSql } from "../changes/record-change";
import { pool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { pgErrorCode, withTransaction } from "../db/transaction";
import { conflict, notFound } from "../errors/domain-error";
import { SPEAKER_KINDS } from "../model/vocabulary";
import type { InputReader } from "../validation/parse-input";
import type { CreateSpeakerInput, UpdateSpeakerInput } from "../validation/schemas";
import { cleanAliases, cleanSpeakerName, speakerNameKey } from "./speaker-name";

export const speakerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(SPEAKER_KINDS),
  description: z.string().nullable(),
  /** How many annotations are attributed to the speaker. */
  annotationCount: z.int(),
});
export type SpeakerView = z.infer<typeof speakerViewSchema>;

/**
 * The speaker view as JSON, from speakers `s`. Its annotationCount counts the annotations of layer
 * `layerSql` (a parameter holding layerAuthor's answer for the reader: annotation-visibility.ts);
 * NULL, as events have it, counts all.
 */
function speakerViewSql(layerSql = "NULL"): string {
  return `json_build_object(
  'id', s.id, 'name', s.name, 'aliases', COALESCE(s.aliases, '{}'), 'kind', s.kind, 'description', s.description,
  'annotationCount', (SELECT count(*)::int FROM annotations a WHERE a.speaker_id = s.id AND ${inVisibleLayerSql(layerSql)}))`;
}
/** The view events carry: every annotation counted. */
const SPEAKER_VIEW_SQL = speakerViewSql();

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SPEAKER_ORDER: KeyColumn[] = [
  { sql: "s.name_key", cast: "text" },
  { sql: "s.id", cast: "text" },
];

/**
 * Speakers of a project, by name: a page of them, or (no `page`) all. `q` keeps those whose name
 * or an alias contains it (any case).
 */
export async function listSpeakers(actor: Actor, projectId: string, q?: string, page?: PageRequest): Promise<PageOf<SpeakerView>> {
  await projectAccess(actor, projectId, "project.read");
  const query = q?.trim();
  const params: unknown[] = [projectId, await countedLayer(actor, projectId)];
  let filter = "";
  if (query) {
    params.push(`%${escapeLike(query)}%`);
    filter = ` AND (s.name ILIKE $3 OR EXISTS (SELECT 1 FROM unnest(s.aliases) AS alias WHERE alias ILIKE $3))`;
  }
  filter += afterCursorSql(SPEAKER_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ view: SpeakerView; name_key: string }>(
    `SELECT ${speakerViewSql("$2")} AS view, s.name_key FROM speakers s WHERE s.project_id = $1${filter} ORDER BY s.name_key, s.id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    (row) => [row.name_key, row.view.id],
    (row) => row.view,
  );
}

/** A speaker as `actor` (who has access to project `projectId`) sees it: its count over their layer. */
export async function readSpeaker(actor: Actor, projectId: string, speakerId: string, q: Queryable = pool()): Promise<SpeakerView> {
  const { rows } = await q.query<{ view: SpeakerView }>(`SELECT ${speakerViewSql("$2")} AS view FROM speakers s WHERE s.id = $1`, [
    speakerId,
    await countedLayer(actor, projectId, q),
  ]);
  if (!rows[0]) throw notFound("Speaker");
  return rows[0].view;
}

export async function getSpeaker(actor: Actor, speakerId: string): Promise<SpeakerView> {
  const { projectId } = await speakerAccess(actor, speakerId, "project.read");
  return readSpeaker(actor, projectId, speakerId);
}

function duplicateName(name: string) {
  return conflict(`A speaker named "${name}" already exists in this project.`, { field: "name" });
}

/**
 * Inserts a speaker and its speaker.created event in one statement that also checks the caller
 * may create speakers. Null when nothing was inserted: no access, or the name is taken.
 */
export async function insertSpeaker(
  q: Queryable,
  actor: Actor,
  projectId: string,
  input: CreateSpeakerInput,
  /** A speaker brought back (an undone merge) keeps its id. */
  id: string = randomUUID(),
): Promise<SpeakerView | null> {
  const name = cleanSpeakerName(input.name);
  const { rows } = await q.query<{ view: SpeakerView }>(
    `WITH ins AS (
       INSERT INTO speakers (id, project_id, name, name_key, aliases, kind, description)
       SELECT $9, $1, $2, $3, $4, $5::"SpeakerKind", $6 WHERE ${memberAllowedSql("$1", "$7", "$8")}
       ON CONFLICT (project_id, name_key) DO NOTHING
       RETURNING *
     ), ev AS (
       ${insertChangesSql(`SELECT s.project_id, NULL, s.id, ${kindSql("speaker.created")}, $7, NULL, ${SPEAKER_VIEW_SQL} FROM ins s`)}
     )
     SELECT ${SPEAKER_VIEW_SQL} AS view FROM ins s`,
    [
      projectId,
      name,
      speakerNameKey(name),
      cleanAliases(input.aliases ?? [], name),
      input.kind ?? "person",
      input.description ?? null,
      actor.id,
      rolesAllowed("speaker.create"),
      id,
    ],
  );
  return rows[0]?.view ?? null;
}

export interface CreateSpeakerOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<CreateSpeakerInput>;
}

/** Creates a speaker; a name the project already has (ignoring case and spacing) is a 409. */
export async function createSpeaker({ actor, projectId, input }: CreateSpeakerOptions): Promise<SpeakerView> {
  await projectAccess(actor, projectId, "speaker.create");
  const fields = await input();
  const created = await insertSpeaker(pool(), actor, projectId, fields);
  if (created) return created;
  await projectAccess(actor, projectId, "speaker.create"); // membership changed meanwhile?
  throw duplicateName(cleanSpeakerName(fields.name));
}

/**
 * The project's speaker with this name (ignoring case and spacing), created with the given details
 * when there is none — atomically, so two callers racing for one name get the same speaker. Used
 * by imports and by the workspace (a speaker typed in the combobox). The caller must have checked
 * speaker.create access; the insert checks it again in its statement.
 */
export async function findOrCreateSpeaker(
  access: ProjectAccess,
  actor: Actor,
  input: CreateSpeakerInput,
  q: Queryable = pool(),
): Promise<{ speaker: SpeakerView; created: boolean }> {
  const created = await insertSpeaker(q, actor, access.projectId, input);
  if (created) return { speaker: created, created: true };
  const { rows } = await q.query<{ view: SpeakerView }>(
    `SELECT ${speakerViewSql("$3")} AS view FROM speakers s WHERE s.project_id = $1 AND s.name_key = $2`,
    [access.projectId, speakerNameKey(input.name), await countedLayer(actor, access.projectId, q)],
  );
  if (!rows[0]) {
    await projectAccess(actor, access.projectId, "speaker.create", q);
    throw conflict("The speaker could not be created; try again.");
  }
  return { speaker: rows[0].view, created: false };
}

/** POST …/speakers?existing=return: the speaker with this name, created if there is none. */
export async function ensureSpeaker({
  actor,
  projectId,
  input,
}: CreateSpeakerOptions): Promise<{ speaker: SpeakerView; created: boolean }> {
  const access = await projectAccess(actor, projectId, "speaker.create");
  return findOrCreateSpeaker(access, actor, await input());
}

export interface UpdateSpeakerOptions {
  actor: Actor;
  speakerId: string;
  input: InputReader<UpdateSpeakerInput>;
}

/** Locks a speaker and reads its view (null if there is none). */
export async function lockSpeaker(q: Queryable, speakerId: string): Promise<SpeakerView | null> {
  const { rows } = await q.query<{ view: SpeakerView }>(`SELECT ${SPEAKER_VIEW_SQL} AS view FROM speakers s WHERE s.id = $1 FOR UPDATE`, [
    speakerId,
  ]);
  return rows[0]?.view ?? null;
}

export interface SpeakerFields {
  name: string;
  aliases: readonly string[];
  kind: SpeakerView["kind"];
  description: string | null;
}

/**
 * The one UPDATE of a speaker: writes its fields (name cleaned, aliases de-duplicated) and its
 * speaker.updated event. `current` is its locked view. A name the project already has is a 409.
 */
export async function writeSpeakerFields(q: Queryable, actor: Actor, current: SpeakerView, fields: SpeakerFields): Promise<SpeakerView> {
  const name = cleanSpeakerName(fields.name);
  try {
    const { rows } = await q.query<{ view: SpeakerView }>(
      `WITH upd AS (
         UPDATE speakers
            SET name = $2, name_key = $3, aliases = $4, kind = $5::"SpeakerKind", description = $6, updated_at = now()
          WHERE id = $1
         RETURNING *
       ), ev AS (
         ${insertChangesSql(`SELECT s.project_id, NULL, s.id, ${kindSql("speaker.updated")}, $7, $8::json, ${SPEAKER_VIEW_SQL} FROM upd s`)}
       )
       SELECT ${SPEAKER_VIEW_SQL} AS view FROM upd s`,
      [
        current.id,
        name,
        speakerNameKey(name),
        cleanAliases(fields.aliases, name),
        fields.kind,
        fields.description,
        actor.id,
        JSON.stringify(current),
      ],
    );
    return (rows[0] as { view: SpeakerView }).view;
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw duplicateName(name);
    throw error;
  }
}

export async function updateSpeaker({ actor, speakerId, input }: UpdateSpeakerOptions): Promise<SpeakerView> {
  const { projectId } = await speakerAccess(actor, speakerId, "speaker.update");
  const changes = await input();
  return withTransaction(async (client) => {
    const current = await lockSpeaker(client, speakerId);
    if (!current) throw notFound("Speaker");
    await writeSpeakerFields(client, actor, current, {
      name: changes.name ?? current.name,
      aliases: changes.aliases ?? current.aliases,
      kind: changes.kind ?? current.kind,
      description: changes.description !== undefined ? changes.description : current.description,
    });
    // The answer counts what the actor may see; the event (for every reader) counts all.
    return readSpeaker(actor, projectId, speakerId, client);
  });
}
