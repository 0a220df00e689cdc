// Keeps stored speaker name keys in step with the one name rule (speaker-name.ts): when the rule
// changes, the keys made by the old one are recomputed once, at start-up, in TypeScript — the rule
// is not written a second time in SQL. A key that would now collide with another speaker's stays
// as it was (the pair shows up among likely duplicates).

import type pg from "pg";
import { SPEAKER_KEY_VERSION, speakerNameKey } from "./speaker-name";

const STATE_KEY = "speaker_key_version";

export async function refreshSpeakerKeys(client: pg.ClientBase): Promise<number> {
  const { rows: state } = await client.query<{ value: number }>("SELECT value FROM app_state WHERE key = $1", [STATE_KEY]);
  if (state[0]?.value === SPEAKER_KEY_VERSION) return 0;
  const { rows } = await client.query<{ id: string; project_id: string; name: string; name_key: string }>(
    "SELECT id, project_id, name, name_key FROM speakers ORDER BY project_id, created_at, id",
  );
  const taken = new Set(rows.map((r) => `${r.project_id}\u0000${r.name_key}`));
  let changed = 0;
  for (const row of rows) {
    const key = speakerNameKey(row.name);
    if (key === row.name_key || taken.has(`${row.project_id}\u0000${key}`)) continue;
    await client.query("UPDATE speakers SET name_key = $2 WHERE id = $1", [row.id, key]);
    taken.delete(`${row.project_id}\u0000${row.name_key}`);
    taken.add(`${row.project_id}\u0000${key}`);
    changed++;
  }
  await client.query(
    `INSERT INTO app_state (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [STATE_KEY, JSON.stringify(SPEAKER_KEY_VERSION)],
  );
  return changed;
}
