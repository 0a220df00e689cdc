import { describe, expect, it } from "vitest";
import type { LiveEvent } from "@/components/live/use-live-events";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { noticeFor, remoteChangeOf } from "./live-changes";
import { createWorkspaceStore } from "./store/workspace-store";

const ALICE = { id: "u-alice", name: "Alice" };
const ME = "u-me";

function view(id: string, extra: Partial<AnnotationView> = {}): AnnotationView {
  return {
    id,
    documentId: "doc-1",
    label: "quote",
    quoteKind: "direct",
    start: 0,
    end: 5,
    exact: "Hello",
    prefix: "",
    suffix: "",
    speakerId: null,
    speaker: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: ALICE,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

describe("remoteChangeOf", () => {
  it("turns the stream's events into the store's changes", () => {
    const a = view("a");
    expect(remoteChangeOf({ kind: "annotation.created", data: a, actor: ALICE })).toEqual({ kind: "annotation.created", after: a });
    expect(remoteChangeOf({ kind: "annotation.deleted", data: { id: "a", documentId: "doc-1" }, actor: ALICE })).toEqual({
      kind: "annotation.deleted",
      before: { id: "a", documentId: "doc-1" },
    });
    const speaker = { id: "s1", name: "Zhao Lijian", aliases: [], kind: "person" as const, description: null, annotationCount: 0 };
    expect(remoteChangeOf({ kind: "speaker.created", data: speaker, actor: ALICE })).toEqual({ kind: "speaker.created", after: speaker });
    expect(remoteChangeOf({ kind: "speaker.merged", data: { id: "s2", into: "s1" }, actor: ALICE })).toEqual({
      kind: "speaker.merged",
      before: { id: "s2", into: "s1" },
    });
    expect(remoteChangeOf({ kind: "comment.deleted", data: { id: "c", documentId: "doc-1" }, actor: ALICE })).toBeNull();
  });

  it("a stream's deletion (id only) and review (same version) move the store; a replayed create does not duplicate", () => {
    const store = createWorkspaceStore({ documentId: "doc-1", annotations: [], speakers: [] });
    const apply = (event: LiveEvent) => {
      const change = remoteChangeOf(event);
      if (change) store.applyRemote([change]);
    };
    apply({ kind: "annotation.created", data: view("a"), actor: ALICE });
    apply({ kind: "annotation.created", data: view("a"), actor: ALICE });
    expect(store.getState().annotations.map((a) => a.id)).toEqual(["a"]);
    const rejected = view("a", {
      status: "rejected",
      reviewedBy: ALICE,
      reviewedAt: "2026-01-02T00:00:00.000Z",
      reviewReason: "not a quote",
    });
    apply({ kind: "annotation.reviewed", data: rejected, actor: ALICE });
    expect(store.get("a")).toMatchObject({ status: "rejected", reviewReason: "not a quote", version: 1 });
    apply({ kind: "annotation.deleted", data: { id: "a", documentId: "doc-1" }, actor: ALICE });
    expect(store.get("a")).toBeUndefined();
    // Restored under a new version: back.
    apply({ kind: "annotation.restored", data: view("a", { version: 2 }), actor: ALICE });
    expect(store.get("a")).toMatchObject({ version: 2 });
  });
});

describe("noticeFor", () => {
  const updated: LiveEvent = { kind: "annotation.updated", data: view("a", { version: 2 }), actor: ALICE };
  it.each<[string, LiveEvent, string | null, string, string | null]>([
    ["a colleague's edit of the selected one", updated, "a", ME, "Changed by Alice just now."],
    ["an edit of another one", updated, "b", ME, null],
    ["nothing selected", updated, null, ME, null],
    ["our own echo", updated, "a", ALICE.id, null],
    ["a deletion", { kind: "annotation.deleted", data: { id: "a", documentId: "doc-1" }, actor: ALICE }, "a", ME, "Deleted by Alice."],
    [
      "a rejection",
      { kind: "annotation.reviewed", data: view("a", { status: "rejected" }), actor: ALICE },
      "a",
      ME,
      "Rejected by Alice just now.",
    ],
    ["a review reset", { kind: "annotation.reviewed", data: view("a"), actor: ALICE }, "a", ME, "Review reset by Alice just now."],
  ])("%s", (_, event, selected, self, text) => {
    expect(noticeFor(event, selected, self)?.text ?? null).toBe(text);
  });

  it("marks deletions", () => {
    expect(noticeFor({ kind: "annotation.deleted", data: { id: "a", documentId: "doc-1" }, actor: ALICE }, "a", ME)).toEqual({
      annotationId: "a",
      text: "Deleted by Alice.",
      deleted: true,
    });
  });
});
