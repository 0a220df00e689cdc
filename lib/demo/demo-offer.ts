// The first half of the demo (see demo-project.ts): recording the demo article as owed, at the
// first start of the embedded default. Apart from the half that creates the project, so that
// booting the database does not load the writers of projects and documents and what they bring
// (suggestions, whose NLP library alone takes 0.3 s to load).

import type pg from "pg";
import { normalizeNewlines } from "../text/normalize";

export const DEMO_KEY = "demo";

export interface OwedDemo {
  state: "owed";
  title: string;
  text: string;
}

export interface ClaimedDemo {
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
