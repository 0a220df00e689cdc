// Speakers: the people and organisations spans are attributed to. A name is unique per project,
// ignoring case and repeated spaces ("Zhao Lijian" = "zhao  lijian"); aliases help find them.

import { pool } from "../db/client";
import { pgErrorCode } from "../db/transaction";
import { conflict, notFound } from "../http/api-error";
import type { CreateSpeakerInput, UpdateSpeakerInput } from "../validation/schemas";
import { speakerNameKey } from "./speaker-name";

export interface SpeakerView {
  id: string;
  name: string;
  aliases: string[];
  kind: "person" | "organization";
  description: string | null;
  annotationCount: number;
}


function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([speakerNameKey(name)]);
  const result: string[] = [];
  for (const alias of aliases) {
    const key = speakerNameKey(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(alias.trim());
  }
  return result;
}

interface SpeakerRow {
  id: string;
  name: string;
  aliases: string[] | null;
  kind: "person" | "organization";
  description: string | null;
  annotation_count: number;
}

const SELECT_SPEAKER = `
  SELECT s.id, s.name, s.aliases, s.kind::text AS kind, s.description,
         (SELECT count(*)::int FROM annotations a WHERE a.speaker_id = s.id) AS annotation_count
    FROM speakers s`;

function toView(row: SpeakerRow): SpeakerView {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases ?? [],
    kind: row.kind,
    description: row.description,
    annotationCount: row.annotation_count,
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Speakers of a project, by name; `q` keeps those whose name or an alias contains it (any case). */
export async function listSpeakers(projectId: string, q?: string): Promise<SpeakerView[]> {
  const query = q?.trim();
  const params: unknown[] = [projectId];
  let filter = "";
  if (query) {
    params.push(`%${escapeLike(query)}%`);
    filter = ` AND (s.name ILIKE $2 OR EXISTS (SELECT 1 FROM unnest(s.aliases) AS alias WHERE alias ILIKE $2))`;
  }
  const { rows } = await pool().query<SpeakerRow>(
    `${SELECT_SPEAKER} WHERE s.project_id = $1${filter} ORDER BY s.name_key, s.id`,
    params,
  );
  return rows.map(toView);
}

export async function getSpeaker(speakerId: string): Promise<SpeakerView> {
  const { rows } = await pool().query<SpeakerRow>(`${SELECT_SPEAKER} WHERE s.id = $1`, [speakerId]);
  if (!rows[0]) throw notFound("Speaker");
  return toView(rows[0]);
}

function duplicateName(name: string) {
  return conflict(`A speaker named "${name}" already exists in this project.`, { field: "name" });
}

export async function createSpeaker(projectId: string, input: CreateSpeakerInput): Promise<SpeakerView> {
  const name = input.name.trim().replace(/\s+/g, " ");
  try {
    const { rows } = await pool().query<{ id: string }>(
      `INSERT INTO speakers (project_id, name, name_key, aliases, kind, description)
       VALUES ($1, $2, $3, $4, $5::"SpeakerKind", $6) RETURNING id`,
      [projectId, name, speakerNameKey(name), cleanAliases(name, input.aliases ?? []), input.kind ?? "person", input.description ?? null],
    );
    return getSpeaker((rows[0] as { id: string }).id);
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw duplicateName(name);
    throw error;
  }
}

export async function updateSpeaker(speakerId: string, input: UpdateSpeakerInput): Promise<SpeakerView> {
  const current = await getSpeaker(speakerId);
  const name = input.name !== undefined ? input.name.trim().replace(/\s+/g, " ") : current.name;
  const aliases = cleanAliases(name, input.aliases ?? current.aliases);
  try {
    await pool().query(
      `UPDATE speakers
          SET name = $2, name_key = $3, aliases = $4, kind = $5::"SpeakerKind", description = $6, updated_at = now()
        WHERE id = $1`,
      [
        speakerId,
        name,
        speakerNameKey(name),
        aliases,
        input.kind ?? current.kind,
        input.description !== undefined ? input.description : current.description,
      ],
    );
  } catch (error) {
    if (pgErrorCode(error) === "23505") throw duplicateName(name);
    throw error;
  }
  return getSpeaker(speakerId);
}
