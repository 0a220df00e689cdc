// The demo on a fresh install: the first start of the embedded default records the demo article as
// owed; the first account created (web sign-up or admin command) receives a project holding it, in
// the same transaction as the account, so exactly one account gets it. The project and document
// are made by the same createProject and createDocument as every other. The project has automatic
// suggestions on, so the demo article opens with its quotes and speakers proposed.

import type pg from "pg";
import type { Actor } from "../auth/authenticate";
import { createDocument } from "../documents/documents";
import { createProject, writeProjectSettings } from "../projects/projects";
import { given } from "../validation/parse-input";
import { normalizeNewlines } from "../text/normalize";

const DEMO_KEY = "demo";
export const DEMO_PROJECT_NAME = "Demo project";

interface OwedDemo {
  state: "owed";
  title: string;
  text: string;
}

interface ClaimedDemo {
  state: "claimed";
  projectId: string;
  userId: string;
}

/** Records the demo as owed when the install has no accounts yet. Idempotent. */
export async function offerDemoProject(client: pg.ClientBase, article: string): Promise<boolean> {
  const text = normalizeNewlines(article);
  const title = text.split("\n", 1)[0]?.trim() || "Demo article";
  const value: OwedDemo = { state: "owed", title, text };
  const result = await client.query(
    `INSERT INTO app_state (key, value)
     SELECT $1, $2::jsonb WHERE NOT EXISTS (SELECT 1 FROM users)
     ON CONFLICT (key) DO NOTHING`,
    [DEMO_KEY, JSON.stringify(value)],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Inside the transaction creating `user`: gives them the demo project if it is still owed. */
export async function claimDemoProject(client: pg.ClientBase, user: Actor): Promise<string | null> {
  const { rows } = await client.query<{ value: OwedDemo | ClaimedDemo }>("SELECT value FROM app_state WHERE key = $1 FOR UPDATE", [
    DEMO_KEY,
  ]);
  const demo = rows[0]?.value;
  if (!demo || demo.state !== "owed") return null;
  const project = await createProject(user, given({ name: DEMO_PROJECT_NAME }), client);
  await writeProjectSettings(client, project.id, { autoSuggest: true });
  await createDocument({ actor: user, projectId: project.id, input: given({ title: demo.title, text: demo.text }) }, client);
  const claimed: ClaimedDemo = { state: "claimed", projectId: project.id, userId: user.id };
  await client.query("UPDATE app_state SET value = $2::jsonb, updated_at = now() WHERE key = $1", [DEMO_KEY, JSON.stringify(claimed)]);
  return project.id;
}
