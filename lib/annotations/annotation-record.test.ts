import { describe, expect, it } from "vitest";
import { CodePointIndex } from "../text/code-points";
import { packAnnotations, unpackAnnotations, type AnnotationRecord } from "./annotation-record";

// Astral characters before and inside spans: offsets are code points, the slices must agree.
const TEXT = "🚢🇯🇵 Tokyo 👍🏽 report:\nThe 👨‍👩‍👧 ministry said “we will join 🚀 soon” on Friday. مرحبا 中国";
const index = new CodePointIndex(TEXT);
const points = Array.from(TEXT);
const slice = (start: number, end: number) => points.slice(start, end).join("");
const QUOTE = "“we will join 🚀 soon”";
const QUOTE_START = Array.from(TEXT.slice(0, TEXT.indexOf(QUOTE))).length;
const QUOTE_END = QUOTE_START + Array.from(QUOTE).length;

const ADA = { id: "u1", name: "Ada" };
const BO = { id: "u2", name: 'Bo "the" reviewer' };
const records: AnnotationRecord[] = [
  {
    id: "a",
    label: "claim",
    quoteKind: null,
    start: 0,
    end: 3,
    exact: slice(0, 3),
    speakerId: null,
    note: null,
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: ADA,
    version: 1,
  },
  {
    id: "b",
    label: "quote",
    quoteKind: "direct",
    start: QUOTE_START,
    end: QUOTE_END,
    exact: QUOTE,
    speakerId: "s1",
    note: "check\n“this”",
    status: "accepted",
    reviewedBy: ADA,
    reviewedAt: "2026-11-28T10:00:00.000Z",
    reviewReason: null,
    author: BO,
    version: 4,
    // In the curated layer: the mark survives packing (the workspace's Layer select shows it).
    curated: true,
  },
  {
    id: "c",
    label: "quote",
    quoteKind: null,
    start: 35,
    end: 40,
    exact: slice(35, 40),
    speakerId: "s2",
    note: null,
    status: "rejected",
    reviewedBy: { id: "u3", name: "Cy, who only reviews" },
    reviewedAt: "2026-11-28T11:00:00.000Z",
    reviewReason: "Wrong speaker: “Wang”, not Zhao",
    author: ADA,
    version: 2,
  },
  {
    id: "d",
    label: "claim",
    quoteKind: null,
    start: 20,
    end: 25,
    exact: slice(20, 25),
    speakerId: "s1",
    note: "",
    status: "pending",
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    author: BO,
    version: 1,
  },
];

describe("packAnnotations / unpackAnnotations", () => {
  it("round-trips records, slicing each quote from the text in code points", () => {
    const unquoted = records.map(({ exact: _exact, ...rest }) => rest);
    const unpacked = unpackAnnotations(packAnnotations(unquoted), index);
    expect(unpacked).toEqual(records);
    // Code points as Python counts them (the UTF-16 offset would be 53).
    expect(unpacked[1]).toMatchObject({ exact: QUOTE, start: 45, end: 66 });
    // Authors are shared objects, not a copy per annotation.
    expect(unpacked[0]?.author).toBe(unpacked[2]?.author);
  });

  it("packs an empty list", () => {
    expect(unpackAnnotations(packAnnotations([]), index)).toEqual([]);
  });

  it("is much smaller than the views", () => {
    const unquoted = records.map(({ exact: _exact, ...rest }) => rest);
    expect(packAnnotations(unquoted).length).toBeLessThan(JSON.stringify(unquoted).length / 2);
  });
});
