// The change feed reads the log itself (writers send no notification): a subscriber gets each new
// change in its scope, in order, soon after it commits, and nothing once it has unsubscribed.

import { afterEach, expect, it } from "vitest";
import { ChangeFeed } from "@/lib/changes/change-feed";
import { headPosition, projectStreamStart, type StoredChange } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import { call, newProjectWithDocument, newUser } from "../helpers/api";

const feeds: ChangeFeed[] = [];
afterEach(async () => {
  for (const feed of feeds.splice(0)) await feed.stop();
});

it("delivers a project's new changes to its subscriber, in order, with no notification from the writers", async () => {
  const feed = new ChangeFeed(process.env.DATABASE_URL as string);
  feeds.push(feed);
  await feed.ready();
  const owner = await newUser("owner");
  const { projectId } = await newProjectWithDocument(owner, "The minister said so. The ministry agreed.");
  const { projectId: otherProject } = await newProjectWithDocument(owner, "Another story.");
  const caughtUp = async () => {
    const { rows } = await pool().query<{ id: string }>("SELECT max(id)::text AS id FROM change_events WHERE project_id = $1", [projectId]);
    await expect.poll(() => (feed.delivered?.id ?? 0n) >= BigInt(rows[0]?.id as string), { timeout: 15_000 }).toBe(true);
  };
  await caughtUp(); // the project's creation is behind it
  const received: StoredChange[] = [];
  const unsubscribe = feed.subscribe({ scope: { projectId }, deliver: (change) => received.push(change) });

  const names = ["The minister", "The ministry", "Zhao Lijian"];
  const created: string[] = [];
  for (const name of names) {
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name } });
    expect(speaker.status).toBe(201);
    created.push(speaker.body.id as string);
    // Another project's change is not this subscriber's.
    expect((await call("POST", `/api/v1/projects/${otherProject}/speakers`, { token: owner.token, body: { name } })).status).toBe(201);
  }
  await expect.poll(() => received.length, { timeout: 5_000 }).toBe(3);
  expect(received.map((change) => [change.kind, change.subjectId])).toEqual(created.map((id) => ["speaker.created", id]));
  expect(new Set(received.map((change) => change.projectId))).toEqual(new Set([projectId]));

  // Unsubscribed, it gets nothing more, while the feed still follows the log.
  unsubscribe();
  const later = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "Late speaker" } });
  expect(later.status).toBe(201);
  await caughtUp();
  expect(received).toHaveLength(3);
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
