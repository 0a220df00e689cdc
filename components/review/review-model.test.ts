import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ReviewItem, ReviewQueuePage } from "@/lib/review/review-queue";
import {
  DEFAULT_FILTERS,
  changedItem,
  filtersFromQuery,
  filtersToQuery,
  initialQueue,
  matchesFilters,
  movedContext,
  queueReducer,
  reviewQueueUrl,
} from "./review-model";

function item(id: string, overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id,
    documentId: "doc1",
    documentTitle: "An article",
    label: "quote",
    quoteKind: "direct",
    start: 10,
    end: 15,
    exact: "hello",
    prefix: "",
    suffix: "",
    speakerId: "s1",
    speaker: { id: "s1", name: "Zhao Lijian" },
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: { id: "u1", name: "Ada" },
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    context: { before: "He said ", after: " to all." },
    attributionHint: { reason: "The speaker is not named nearby." },
    ...overrides,
  };
}

function view(from: ReviewItem, overrides: Partial<AnnotationView> = {}): AnnotationView {
  const { documentTitle: _t, context: _c, attributionHint: _h, ...rest } = from;
  return { ...rest, ...overrides };
}

const page = (items: ReviewItem[], total = items.length, nextCursor: string | null = null): ReviewQueuePage => ({
  items,
  total,
  nextCursor,
});

describe("filters and their URLs", () => {
  it("reads known values and ignores the rest", () => {
    expect(filtersFromQuery({ status: "rejected", label: "claim", speakerId: "s1", extra: "x" })).toEqual({
      ...DEFAULT_FILTERS,
      status: "rejected",
      label: "claim",
      speakerId: "s1",
    });
    expect(filtersFromQuery({ status: "done", label: ["claim", "quote"] })).toEqual(DEFAULT_FILTERS);
  });

  it("leaves defaults out of the page's query and always names the status to the API", () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toBe("");
    expect(filtersToQuery({ ...DEFAULT_FILTERS, label: "quote", author: "u 1" })).toBe("label=quote&author=u+1");
    expect(reviewQueueUrl("p/1", { ...DEFAULT_FILTERS, documentId: "d1" }, 50, "abc")).toBe(
      "/api/v1/projects/p%2F1/review-queue?status=pending&limit=50&documentId=d1&cursor=abc",
    );
  });

  it("matches an annotation the way the server's queue does", () => {
    const a = item("a");
    expect(matchesFilters(a, DEFAULT_FILTERS)).toBe(true);
    expect(matchesFilters({ ...a, status: "accepted" }, DEFAULT_FILTERS)).toBe(false);
    expect(matchesFilters(a, { ...DEFAULT_FILTERS, label: "claim" })).toBe(false);
    expect(matchesFilters(a, { ...DEFAULT_FILTERS, speakerId: "s2" })).toBe(false);
    expect(matchesFilters(a, { ...DEFAULT_FILTERS, author: "u1", documentId: "doc1" })).toBe(true);
  });
});

describe("a changed span in its context", () => {
  // "…He said hello to all." with "He" at code point 2 and "hello" at 10–15.
  it("cuts the new span out of the text already shown", () => {
    expect(movedContext(item("a"), 5, 15)).toEqual({ before: "He ", after: " to all." });
    expect(movedContext(item("a"), 10, 18)).toEqual({ before: "He said ", after: " all." });
  });

  it("counts code points, not UTF-16 units", () => {
    const emoji = item("a", { context: { before: "🚢 ", after: " 🚢!" } });
    expect(movedContext(emoji, 9, 17)).toEqual({ before: "🚢", after: "!" });
  });

  it("shows no context rather than a wrong one when the span left the shown text", () => {
    expect(movedContext(item("a"), 0, 15)).toEqual({ before: "", after: "" });
  });

  it("drops the attribution hint when the speaker changes", () => {
    const a = item("a");
    expect(changedItem(a, view(a, { note: "n" })).attributionHint).toEqual(a.attributionHint);
    const moved = changedItem(a, view(a, { speakerId: "s2", speaker: { id: "s2", name: "Wang" } }));
    expect(moved.attributionHint).toBeNull();
    expect(moved.documentTitle).toBe("An article");
  });
});

describe("the queue", () => {
  const [a, b, c] = [item("a"), item("b"), item("c")] as [ReviewItem, ReviewItem, ReviewItem];

  it("moves the selection to the next item when the selected one is reviewed, and counts it", () => {
    let state = initialQueue(page([a, b, c], 10));
    state = queueReducer(state, { type: "left", id: "a", mine: true });
    expect(state).toMatchObject({ selectedId: "b", total: 9, reviewed: 1 });
    state = queueReducer(queueReducer(state, { type: "select", id: "c" }), { type: "left", id: "c", mine: true });
    expect(state).toMatchObject({ selectedId: "b", total: 8, reviewed: 2 });
  });

  it("counts a colleague's review only for a loaded item, and never as this reviewer's", () => {
    let state = initialQueue(page([a, b], 5));
    state = queueReducer(state, { type: "left", id: "zzz", mine: false });
    expect(state.total).toBe(5);
    state = queueReducer(state, { type: "left", id: "b", mine: false });
    expect(state).toMatchObject({ total: 4, reviewed: 0, selectedId: "a" });
    // The reviewer's own bulk review of an item not loaded yet still moves the progress.
    state = queueReducer(state, { type: "left", id: "zzz", mine: true });
    expect(state).toMatchObject({ total: 3, reviewed: 1 });
  });

  it("puts an item back where it was when its review failed", () => {
    let state = initialQueue(page([a, b, c]));
    state = queueReducer(state, { type: "left", id: "b", mine: true });
    state = queueReducer(state, { type: "restore", item: b, index: 1, mine: true });
    expect(state.items.map((i) => i.id)).toEqual(["a", "b", "c"]);
    expect(state).toMatchObject({ total: 3, reviewed: 0, selectedId: "b" });
  });

  it("updates a changed item in place, or lets it go when the filters no longer hold it", () => {
    let state = initialQueue(page([a, b]));
    state = queueReducer(state, { type: "changed", view: view(a, { label: "claim", quoteKind: null }), filters: DEFAULT_FILTERS });
    expect(state.items[0]?.label).toBe("claim");
    state = queueReducer(state, { type: "changed", view: view(b, { status: "accepted" }), filters: DEFAULT_FILTERS });
    expect(state.items.map((i) => i.id)).toEqual(["a"]);
    expect(state.reviewed).toBe(0);
  });

  it("appends a page without repeating items, and drops a deleted document's", () => {
    let state = initialQueue(page([a], 3, "next"));
    state = queueReducer(state, { type: "append", page: page([a, item("d", { documentId: "doc2" })], 3) });
    expect(state.items.map((i) => i.id)).toEqual(["a", "d"]);
    expect(state.nextCursor).toBeNull();
    state = queueReducer(state, { type: "document-deleted", documentId: "doc1" });
    expect(state).toMatchObject({ total: 2, selectedId: "d" });
  });

  it("renames a speaker everywhere in the list", () => {
    const state = queueReducer(initialQueue(page([a, b])), { type: "speaker-renamed", speaker: { id: "s1", name: "Zhao L." } });
    expect(state.items.every((i) => i.speaker?.name === "Zhao L.")).toBe(true);
  });
});
