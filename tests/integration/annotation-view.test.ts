// The annotation view's two readings — JSON built in SQL (the API, change events) and plain
// columns built into the object in Node (the export) — give the same object, field for field and
// in the same key order, with every field both set and null, and with the export's extra fields.

import { beforeAll, describe, expect, it } from "vitest";
import { call, newUser, type TestUser } from "../helpers/api";
import { rows } from "../helpers/db";
import { trickyProject } from "../helpers/fixtures";
import { pool } from "@/lib/db/client";
import { annotationJoins, annotationViewColumns, annotationViewSql } from "@/lib/annotations/annotation-view";
import { DOCUMENT_FIELDS, COMMENT_FIELDS } from "@/lib/export/export-query";

let owner: TestUser;
let project: Awaited<ReturnType<typeof trickyProject>>;

beforeAll(async () => {
  owner = await newUser("view-reader");
  project = await trickyProject(owner);
  const [reviewed, curated] = project.annotationIds;
  // Every optional field set on some annotation and null on others: a review with its reason and
  // a cue on one, the curated layer's fields on another, comments on both.
  await rows(
    `UPDATE annotations SET status = 'rejected', reviewed_by = $2, reviewed_at = now(), review_reason = 'wrong speaker',
            cue_start = start, cue_end = start + 1
      WHERE id = $1`,
    [reviewed, owner.id],
  );
  await rows(`UPDATE annotations SET curated = true, curated_by = $2, curated_at = now() WHERE id = $1`, [curated, owner.id]);
  for (const [id, body] of [
    [reviewed, "Who said this? 🤔"],
    [reviewed, "The ministry."],
    [curated, "ok"],
  ] as const) {
    const created = await call("POST", `/api/v1/annotations/${id}/comments`, { token: owner.token, body: { body } });
    expect(created.status).toBe(201);
  }
});

describe("annotationViewColumns", () => {
  it.each(["none", "count", "thread"] as const)("reads what annotationViewSql builds, comments: %s", async (comments) => {
    const extra = { ...DOCUMENT_FIELDS, ...COMMENT_FIELDS[comments] };
    const columns = annotationViewColumns(extra);
    const from = `FROM ${annotationJoins()} JOIN documents d ON d.id = a.document_id WHERE a.document_id = $1 ORDER BY a.start, a.id`;
    const { rows: asJson } = await pool().query<{ view: string }>(`SELECT ${annotationViewSql(extra)}::text AS view ${from}`, [
      project.documentId,
    ]);
    const { rows: asColumns } = await pool().query<unknown[]>({
      text: `SELECT ${columns.sql} ${from}`,
      values: [project.documentId],
      rowMode: "array",
    });
    expect(asColumns).toHaveLength(project.annotationIds.length);
    const built = asColumns.map((row) => columns.read(row, 0));
    const parsed = asJson.map((row) => JSON.parse(row.view) as Record<string, unknown>);
    expect(built).toEqual(parsed);
    // The same text once serialised: same keys in the same order, same types (5, not "5").
    expect(built.map((view) => JSON.stringify(view))).toEqual(parsed.map((view) => JSON.stringify(view)));
    // Not vacuous: people, review, cue, curation and comments are among them, and so are nulls.
    const all = JSON.stringify(built);
    expect(all).toContain('"reviewReason":"wrong speaker"');
    expect(all).toContain('"curated":true');
    expect(all).toContain('"speaker":null');
    expect(all).toMatch(/"speaker":\{"id":"[^"]+","name":"[^"]+"\}/);
    expect(all).toContain('"cueExact":');
    if (comments === "count") expect(all).toContain('"commentCount":2');
    if (comments === "thread") expect(all).toContain("Who said this? 🤔");
  });
});
