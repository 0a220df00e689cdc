// The change feed's bookkeeping of notified events: it waits for an event that is not readable yet,
// and stops waiting once the event is read — also when the notification comes after the event was
// read (an earlier read took it, committed in between), which used to keep it waiting for ever.

import { afterEach, expect, it } from "vitest";
import { ChangeFeed, CHANGES_CHANNEL } from "@/lib/changes/change-feed";
import { headPosition, projectStreamStart } from "@/lib/changes/change-log";
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

it("the head of the log and a project's stream start are the last events by number, not by their text", async () => {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    // Two events of one transaction just below the horizon, numbered past every real one and with
    // a different number of digits: as text, 99999999999 sorts after 100000000000.
    const { rows } = await client.query<{ tx: string }>("SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text AS tx");
    const tx = rows[0]?.tx as string;
    const projectId = `head-test-${Date.now()}`;
    await client.query(
      `INSERT INTO change_events (id, tx, project_id, subject_id, kind)
       VALUES (99999999999, $1::xid8, $2, $2, 'speaker.created'), (100000000000, $1::xid8, $2, $2, 'speaker.created')`,
      [tx, projectId],
    );
    expect(await headPosition(client)).toEqual({ tx: BigInt(tx), id: 100000000000n });
    expect(await projectStreamStart(client, projectId)).toBe("100000000000");
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
});
