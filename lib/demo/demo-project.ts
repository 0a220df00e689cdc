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
import { DEMO_KEY, type ClaimedDemo, type OwedDemo } from "./demo-offer";

export const DEMO_PROJECT_NAME = "Demo project";

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
