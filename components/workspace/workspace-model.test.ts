import { describe, expect, it } from "vitest";
import type { WorkspaceAnnotation } from "./workspace-model";
import { annotationsReducer, byTextOrder, matchesFilters, NO_FILTERS, snippet } from "./workspace-model";

function annotation(id: string, start: number, end: number, extra: Partial<WorkspaceAnnotation> = {}): WorkspaceAnnotation {
  return {
    id,
    documentId: "d",
    label: "claim",
    quoteKind: null,
    start,
    end,
    exact: "x",
    prefix: "",
    suffix: "",
    speakerId: null,
    speaker: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: { id: "u1", name: "Ann" },
    version: 1,
    createdAt: "",
    updatedAt: "",
    ...extra,
  };
}

describe("annotationsReducer", () => {
  it("puts, replaces a temporary id with the saved one, and removes", () => {
    let state = new Map<string, WorkspaceAnnotation>();
    state = annotationsReducer(state, { type: "put", annotation: annotation("draft-1", 0, 5, { pending: true }) });
    state = annotationsReducer(state, { type: "replace", id: "draft-1", annotation: annotation("real", 0, 5) });
    expect([...state.keys()]).toEqual(["real"]);
    expect(state.get("real")?.pending).toBeUndefined();
    const before = state;
    state = annotationsReducer(state, { type: "remove", id: "real" });
    expect(state.size).toBe(0);
    expect(before.size).toBe(1); // never mutates the previous state
  });
});

describe("byTextOrder", () => {
  it("orders by start, then end, then id, like the API", () => {
    const list = [annotation("b", 5, 9), annotation("a", 5, 9), annotation("c", 0, 20), annotation("d", 5, 6)];
    expect(list.sort(byTextOrder).map((a) => a.id)).toEqual(["c", "d", "a", "b"]);
  });
});

describe("matchesFilters", () => {
  const quote = annotation("q", 0, 1, { label: "quote", speakerId: "s1", status: "accepted", author: { id: "u2", name: "Bo" } });
  const claim = annotation("c", 0, 1);
  it("keeps everything with no filters", () => {
    expect([quote, claim].filter((a) => matchesFilters(a, NO_FILTERS))).toHaveLength(2);
  });
  it.each([
    [{ label: "quote" as const }, ["q"]],
    [{ speaker: "s1" }, ["q"]],
    [{ speaker: "none" }, ["c"]],
    [{ author: "u1" }, ["c"]],
    [{ status: "accepted" as const }, ["q"]],
    [{ label: "claim" as const, status: "accepted" as const }, []],
  ])("filters %j", (filter, ids) => {
    expect([quote, claim].filter((a) => matchesFilters(a, { ...NO_FILTERS, ...filter })).map((a) => a.id)).toEqual(ids);
  });
});

describe("snippet", () => {
  it("collapses whitespace and cuts at whole code points", () => {
    expect(snippet("a\n\n b")).toBe("a b");
    expect(snippet("🚢".repeat(10), 5)).toBe("🚢🚢🚢🚢…");
  });
});
