// Alignment for the curation view, on small hand-made cases.

import { describe, expect, it } from "vitest";
import type { AnnotationView } from "../annotations/annotation-view";
import { curationGroups } from "./curation-groups";

let next = 0;
function span(
  author: string,
  start: number,
  end: number,
  label: "claim" | "quote" = "quote",
  speakerId: string | null = null,
): AnnotationView {
  return {
    id: `a${next++}`,
    documentId: "d",
    label,
    quoteKind: label === "quote" ? "indirect" : null,
    start,
    end,
    exact: "x".repeat(end - start),
    prefix: "",
    suffix: "",
    speakerId,
    speaker: speakerId ? { id: speakerId, name: speakerId } : null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: { id: author, name: author },
    version: 1,
    createdAt: "",
    updatedAt: "",
  };
}

describe("curationGroups", () => {
  it("shows identical spans once with their count, differing ones side by side, and marks unanimous and curated groups", () => {
    const spans = [
      span("ann", 0, 10),
      span("bob", 0, 10),
      span("cat", 0, 10),
      span("ann", 20, 30, "claim"),
      span("bob", 22, 30, "claim"),
      span("cat", 50, 60),
    ];
    const curated = [span("rev", 21, 30, "claim")];
    const groups = curationGroups(spans, curated, 3);
    expect(groups).toHaveLength(3);
    const [same, differing, lone] = groups;
    expect(same).toMatchObject({ start: 0, end: 10, unanimous: true, curatedIds: [] });
    expect(same!.versions).toHaveLength(1);
    expect(same!.versions[0]!.authors.map((a) => a.id)).toEqual(["ann", "bob", "cat"]);
    expect(differing).toMatchObject({ start: 20, end: 30, unanimous: false, curatedIds: [curated[0]!.id] });
    expect(differing!.versions.map((v) => [v.start, v.authors.length])).toEqual([
      [20, 1],
      [22, 1],
    ]);
    expect(lone).toMatchObject({ unanimous: false });
  });

  it("needs two annotators done for a span to be unanimous, and a different speaker is a different version", () => {
    expect(curationGroups([span("ann", 0, 10)], [], 1)[0]!.unanimous).toBe(false);
    const groups = curationGroups([span("ann", 0, 10, "quote", "s1"), span("bob", 0, 10, "quote", "s2")], [], 2);
    expect(groups[0]!.versions).toHaveLength(2);
    expect(groups[0]!.unanimous).toBe(false);
  });
});
