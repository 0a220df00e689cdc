// The two pools' plan settings: only the small pool that runs the annotation insert keeps one plan
// per named statement. On the main pool every statement must be planned for its own values: with
// force_generic_plan there, a search for a word took a p95 of 1.2 s instead of 54 ms.

import { expect, it } from "vitest";
import { pool, preparedPool } from "@/lib/db/client";
import { call, newProjectWithDocument, newUser } from "../helpers/api";

async function planCacheMode(p: ReturnType<typeof pool>): Promise<string> {
  const { rows } = await p.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode");
  return rows[0]?.plan_cache_mode as string;
}

it("plans the main pool's statements for their values, and keeps one plan for the prepared pool's", async () => {
  expect(await planCacheMode(pool())).toBe("auto");
  expect(await planCacheMode(preparedPool())).toBe("force_generic_plan");
});

it("creates annotations through the prepared pool's one-plan statement", async () => {
  const owner = await newUser("owner");
  const { documentId } = await newProjectWithDocument(owner, "Zhao Lijian said the ministry 🇨🇳 agreed.");
  for (let i = 0; i < 3; i++) {
    const created = await call("POST", `/api/v1/documents/${documentId}/annotations`, {
      token: owner.token,
      body: { label: "quote", start: 0, end: 11 },
    });
    expect(created.status).toBe(201);
    expect(created.body.exact).toBe("Zhao Lijian");
  }
  const prepared = await preparedPool().connect();
  try {
    // The pool hands back its last released connection: the one that ran the three inserts, each
    // with the plan made for the first.
    const { rows } = await prepared.query<{ generic_plans: number; custom_plans: number }>(
      "SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name = 'annotations-insert'",
    );
    expect(rows).toEqual([{ generic_plans: 3, custom_plans: 0 }]);
  } finally {
    prepared.release();
  }
});
