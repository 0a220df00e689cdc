import { describe, expect, it } from "vitest";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { StoredAnnotation } from "./store/workspace-store";
import { authorsOf, filtered, matchesFilters, NO_FILTERS, snippet, speakerName } from "./workspace-model";

function annotation(id: string, extra: Partial<StoredAnnotation> = {}): StoredAnnotation {
  return {
    id,
    label: "claim",
    quoteKind: null,
    start: 0,
    end: 1,
    exact: "x",
    speakerId: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: { id: "u1", name: "Ann" },
    version: 1,
    ...extra,
  };
}

describe("matchesFilters", () => {
  const quote = annotation("q", { label: "quote", speakerId: "s1", status: "accepted", author: { id: "u2", name: "Bo" } });
  const claim = annotation("c");
  it("keeps everything with no filters, as the same list", () => {
    const list = [quote, claim];
    expect(filtered(list, NO_FILTERS)).toBe(list);
  });
  it.each([
    [{ label: "quote" as const }, ["q"]],
    [{ speaker: "s1" }, ["q"]],
    [{ speaker: "none" }, ["c"]],
    [{ author: "u1" }, ["c"]],
    [{ status: "accepted" as const }, ["q"]],
    [{ label: "claim" as const, status: "accepted" as const }, []],
  ])("filters %j", (filter, ids) => {
    const filters = { ...NO_FILTERS, ...filter };
    expect([quote, claim].filter((a) => matchesFilters(a, filters)).map((a) => a.id)).toEqual(ids);
    expect(filtered([quote, claim], filters).map((a) => a.id)).toEqual(ids);
  });
});

describe("speakerName", () => {
  const speakers = new Map<string, SpeakerView>([
    ["s1", { id: "s1", name: "Zhao Lijian", aliases: [], kind: "person", description: null, annotationCount: 1 }],
  ]);
  it("names the speaker from the speakers, the one being created, or none", () => {
    expect(speakerName(annotation("a", { speakerId: "s1" }), speakers)).toBe("Zhao Lijian");
    expect(speakerName(annotation("a", { pending: { speakerName: "Hua Chunying" } }), speakers)).toBe("Hua Chunying");
    expect(speakerName(annotation("a"), speakers)).toBeNull();
  });
});

describe("snippet", () => {
  it("collapses whitespace and cuts at whole code points", () => {
    expect(snippet("a\n\n b")).toBe("a b");
    expect(snippet("🚢".repeat(10), 5)).toBe("🚢🚢🚢🚢…");
  });
});

describe("authorsOf", () => {
  it("lists each author once, by name", () => {
    const bo = { id: "u2", name: "Bo" };
    expect(authorsOf([annotation("a", { author: bo }), annotation("b"), annotation("c", { author: bo })])).toEqual([
      { id: "u1", name: "Ann" },
      bo,
    ]);
  });
});
