// The change feed's bookkeeping of notified events: it waits for an event that is not readable yet,
// and stops waiting once the event is read — also when the notification comes after the event was
// read (an earlier read took it, committed in between), which used to keep it waiting for ever.

import { afterEach, expect, it } from "vitest";
import { ChangeFeed, CHANGES_CHANNEL } from "@/lib/changes/change-feed";
import { pool } from "@/lib/db/client";
import { call, newProjectWithDocument, newUser } from "../helpers/api";

const feeds: ChangeFeed[] = [];
afterEach(async () => {
  for (const feed of feeds.splice(0)) await feed.stop();
});

it("forgets a notification that comes after its event was delivered", async () => {
  const feed = new ChangeFeed(process.env.DATABASE_URL as string);
  feeds.push(feed);
  await feed.ready();
  const owner = await newUser("owner");
  const { projectId } = await newProjectWithDocument(owner, "The minister said so.");
  const { rows } = await pool().query<{ id: string }>("SELECT max(id)::text AS id FROM change_events WHERE project_id = $1", [projectId]);
  const delivered = BigInt(rows[0]?.id as string);
  await expect.poll(() => (feed.delivered?.id ?? 0n) >= delivered, { timeout: 15_000 }).toBe(true);

  // The delivered event notified again, late; then a new change, whose notification comes after it.
  await pool().query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, delivered.toString()]);
  const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "The minister" } });
  expect(speaker.status).toBe(201);
  const { rows: latest } = await pool().query<{ id: string }>("SELECT max(id)::text AS id FROM change_events WHERE project_id = $1", [
    projectId,
  ]);
  await expect.poll(() => (feed.delivered?.id ?? 0n) >= BigInt(latest[0]?.id as string), { timeout: 15_000 }).toBe(true);

  // Nothing is left to wait for (before the fix: the late one, re-read every 15 ms for ever).
  await expect.poll(() => feed.unread, { timeout: 5_000 }).toBe(0);
});
