// The workspace's lean read agrees with the API's views, field for field, and checks access.

import { describe, expect, it } from "vitest";
import { call, newProjectWithDocument, newUser } from "@/tests/helpers/api";
import { CodePointIndex } from "../text/code-points";
import { packAnnotations, toRecord, unpackAnnotations } from "./annotation-record";
import type { AnnotationView } from "./annotation-view";
import { listAnnotationRecords } from "./list-annotation-records";

const TEXT = "🚢 ab\nThe 👍🏽 minister said “we will act”, e\u0301té in 中国 and שלום.";

describe("listAnnotationRecords", () => {
  it("reads what the API's views say, in text order; packed and unpacked, the views' records come back", async () => {
    const owner = await newUser("owner");
    const actor = { id: owner.id, email: owner.email, name: "owner" };
    const { projectId, documentId } = await newProjectWithDocument(owner, TEXT);
    const speaker = await call("POST", `/api/v1/projects/${projectId}/speakers`, { token: owner.token, body: { name: "The minister" } });
    const points = Array.from(TEXT);
    const quoteStart = points.indexOf("“");
    for (const body of [
      { label: "quote", start: quoteStart, end: points.indexOf("”") + 1, speakerId: speaker.body.id, note: "check 🚢" },
      { label: "claim", start: 2, end: 4 },
      { label: "claim", start: 2, end: 3 },
    ]) {
      expect((await call("POST", `/api/v1/documents/${documentId}/annotations`, { token: owner.token, body })).status).toBe(201);
    }
    const views = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body
      .annotations as AnnotationView[];
    await call("PATCH", `/api/v1/annotations/${views[2]!.id}`, { token: owner.token, body: { version: 1, status: "accepted" } });
    const current = (await call("GET", `/api/v1/documents/${documentId}/annotations`, { token: owner.token })).body
      .annotations as AnnotationView[];

    const records = await listAnnotationRecords(actor, documentId);
    const expected = current.map(toRecord);
    expect(records).toEqual(expected.map(({ exact: _exact, ...rest }) => rest));
    expect(unpackAnnotations(packAnnotations(records), new CodePointIndex(TEXT))).toEqual(expected);
  });

  it("is refused to a non-member as if the document did not exist", async () => {
    const owner = await newUser("owner");
    const stranger = await newUser("stranger");
    const { documentId } = await newProjectWithDocument(owner, TEXT);
    await expect(listAnnotationRecords({ id: stranger.id, email: stranger.email, name: "stranger" }, documentId)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
