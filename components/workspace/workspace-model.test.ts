import { describe, expect, it } from "vitest";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { StoredAnnotation } from "./store/workspace-store";
import {
  ALL_LAYERS,
  CURATED_LAYER,
  filtered,
  inLayer,
  layerOptions,
  matchesFilters,
  NO_FILTERS,
  parseLayer,
  snippet,
  speakerName,
} from "./workspace-model";

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

describe("layers", () => {
  const bo = { id: "u2", name: "Bo" };
  const ann1 = annotation("a1");
  const ann2 = annotation("a2");
  const bo1 = annotation("b1", { author: bo });
  // Written by Bo as curator: in the curated layer, not in Bo's.
  const gold = annotation("g1", { author: bo, curated: true });
  const all = [ann1, bo1, ann2, gold];

  it.each([
    [ALL_LAYERS, ["a1", "b1", "a2", "g1"]],
    ["u1", ["a1", "a2"]],
    ["u2", ["b1"]],
    [CURATED_LAYER, ["g1"]],
    ["nobody", []],
  ])("layer %j keeps %j", (layer, ids) => {
    expect(all.filter((a) => inLayer(a, layer)).map((a) => a.id)).toEqual(ids);
  });

  it("offers every layer, each annotator by name with their count, then the curated layer", () => {
    expect(layerOptions(all)).toEqual([
      { value: ALL_LAYERS, text: "All layers (4 annotations)" },
      { value: "u1", text: "Ann (2 annotations)" },
      { value: "u2", text: "Bo (1 annotation)" },
      { value: CURATED_LAYER, text: "Curated layer (1 annotation)" },
    ]);
    expect(layerOptions([ann1]).map((o) => o.value)).toEqual([ALL_LAYERS, "u1"]);
  });

  it("keeps the current layer among the options when it holds nothing (yet)", () => {
    expect(layerOptions([ann1], "u9").at(-1)).toEqual({ value: "u9", text: "This link's annotator (0 annotations)" });
    expect(layerOptions([ann1], CURATED_LAYER).at(-1)).toEqual({ value: CURATED_LAYER, text: "Curated layer (0 annotations)" });
  });

  it("reads ?layer= (absent, repeated or blank: every layer)", () => {
    expect(parseLayer("u1")).toBe("u1");
    expect(parseLayer(" curated ")).toBe(CURATED_LAYER);
    expect(parseLayer(undefined)).toBe(ALL_LAYERS);
    expect(parseLayer(["u1", "u2"])).toBe(ALL_LAYERS);
    expect(parseLayer("")).toBe(ALL_LAYERS);
  });
});
