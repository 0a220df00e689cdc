// The demo on a fresh install: the first start of the embedded default records the demo article as
// owed; the first account created (web sign-up or admin command) receives a project holding it, in
// the same transaction as the account, so exactly one account gets it.

import type pg from "pg";
import type { Prisma } from "../db/client";
import { normalizeNewlines } from "../text/normalize";
import { codePointLength } from "../text/code-points";

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

/** Inside the transaction creating `userId`: gives them the demo project if it is still owed. */
export async function claimDemoProject(tx: Prisma.TransactionClient, userId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ value: OwedDemo | ClaimedDemo }[]>`
    SELECT value FROM app_state WHERE key = ${DEMO_KEY} FOR UPDATE`;
  const demo = rows[0]?.value;
  if (!demo || demo.state !== "owed") return null;
  const project = await tx.project.create({
    data: {
      name: DEMO_PROJECT_NAME,
      memberships: { create: { userId, role: "owner" } },
      documents: { create: { title: demo.title, text: demo.text, length: codePointLength(demo.text) } },
    },
    select: { id: true },
  });
  const claimed: ClaimedDemo = { state: "claimed", projectId: project.id, userId };
  await tx.appState.update({ where: { key: DEMO_KEY }, data: { value: { ...claimed }, updatedAt: new Date() } });
  return project.id;
}
