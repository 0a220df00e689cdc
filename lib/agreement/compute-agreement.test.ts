// The endpoint's whole answer from plain spans: which documents count for whom, and the shape.

import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { computeAgreement, labelPairsPass, pairsByLabel } from "./compute-agreement";
import { unitizingAlpha } from "./krippendorff-unitizing";
import { EMPTY_TALLY, scoreTally } from "./span-matching";
import type { AgreementInput, AgreementSpan } from "./types";

let nextId = 0;
const span = (
  annotator: string,
  documentId: string,
  start: number,
  end: number,
  label = "claim",
  speakerId: string | null = null,
): AgreementSpan => ({
  id: `s${nextId++}`,
  annotator,
  documentId,
  start,
  end,
  label,
  speakerId,
});

/** ann and bob, both done with d1 (of the given length). */
const annAndBob = (length: number, spans: AgreementSpan[], more: Partial<AgreementInput> = {}) =>
  computeAgreement({ documents: [{ id: "d1", length }], annotators: ["ann", "bob"], done: { ann: ["d1"], bob: ["d1"] }, spans, ...more });

describe("computeAgreement", () => {
  it("identical annotators: F1 1, label and speaker agreement 1, α_u 1", () => {
    const marks = (annotator: string) => [span(annotator, "d1", 0, 10, "claim", "s1"), span(annotator, "d1", 20, 40, "quote", "s2")];
    const result = computeAgreement({
      documents: [{ id: "d1", length: 50 }],
      annotators: ["ann", "bob"],
      done: { ann: ["d1"], bob: ["d1"] },
      spans: [...marks("ann"), ...marks("bob")],
    });
    expect(result.labels).toEqual(["claim", "quote"]);
    expect(result.pairs).toEqual([
      {
        a: "ann",
        b: "bob",
        documents: 1,
        exact: { precision: 1, recall: 1, f1: 1, matched: 2, aOnly: 0, bOnly: 0, labelAgreement: 1, speakerAgreement: 1 },
        overlap: { precision: 1, recall: 1, f1: 1, matched: 2, aOnly: 0, bOnly: 0, labelAgreement: 1, speakerAgreement: 1 },
      },
    ]);
    expect(result.alphaU).toEqual({ overall: 1, byLabel: { claim: 1, quote: 1 }, documents: 1 });
    expect(result.perDocument).toEqual([
      { documentId: "d1", annotators: ["ann", "bob"], pairs: result.pairs, alphaU: { overall: 1, byLabel: { claim: 1, quote: 1 } } },
    ]);
  });

  it("disjoint annotations: F1 0 and α_u ≤ 0", () => {
    const result = annAndBob(10, [span("ann", "d1", 0, 2), span("bob", "d1", 5, 7)]);
    expect(result.pairs[0]?.overlap).toMatchObject({ f1: 0, matched: 0, labelAgreement: null, speakerAgreement: null });
    // Hand-computed in krippendorff-unitizing.test.ts: 1 − .08/(21.6/376).
    expect(result.alphaU.overall).toBeCloseTo(1 - 0.08 / (21.6 / 376), 12);
    expect(result.alphaU.overall).toBeLessThanOrEqual(0);
  });

  describe("one annotator has not finished a document", () => {
    // cay has not finished d2. d1: all three mark [0,10); d2: ann and bob mark [0,10), bob also [20,30);
    // cay's draft span on d2 must not count anywhere.
    const input: AgreementInput = {
      documents: [
        { id: "d1", length: 40 },
        { id: "d2", length: 40 },
      ],
      annotators: ["ann", "bob", "cay"],
      done: { ann: ["d1", "d2"], bob: ["d1", "d2"], cay: ["d1"] },
      spans: [
        span("ann", "d1", 0, 10),
        span("bob", "d1", 0, 10),
        span("cay", "d1", 0, 10),
        span("ann", "d2", 0, 10),
        span("bob", "d2", 0, 10),
        span("bob", "d2", 20, 30),
        span("cay", "d2", 20, 30),
      ],
    };
    const result = computeAgreement(input);

    it("each pair counts the documents both finished", () => {
      expect(result.pairs.map(({ a, b, documents, exact }) => [a, b, documents, exact.matched, exact.aOnly, exact.bOnly])).toEqual([
        ["ann", "bob", 2, 2, 0, 1],
        ["ann", "cay", 1, 1, 0, 0],
        ["bob", "cay", 1, 1, 0, 0],
      ]);
      expect(result.pairs[0]?.exact).toMatchObject({ precision: 2 / 3, recall: 1, f1: 4 / 5 });
    });

    it("a document's pairs and α_u are over the annotators who finished it", () => {
      const d2 = result.perDocument[1];
      expect(d2?.annotators).toEqual(["ann", "bob"]);
      expect(d2?.pairs.map(({ a, b }) => [a, b])).toEqual([["ann", "bob"]]);
      const alone = unitizingAlpha({
        coders: ["ann", "bob"],
        continua: [
          {
            length: 40,
            units: [
              { coder: "ann", category: "claim", start: 0, end: 10 },
              { coder: "bob", category: "claim", start: 0, end: 10 },
              { coder: "bob", category: "claim", start: 20, end: 30 },
            ],
          },
        ],
      });
      expect(d2?.alphaU.overall).toBe(alone.alpha);
      expect(d2?.alphaU.overall).toBeLessThan(1);
    });

    it("the project's α_u is over the documents everyone finished", () => {
      expect(result.alphaU.documents).toBe(1);
      expect(result.alphaU.overall).toBe(1);
      expect(result.alphaU).toMatchObject({
        overall: result.perDocument[0]?.alphaU.overall,
        byLabel: result.perDocument[0]?.alphaU.byLabel,
      });
    });

    it("leaving cay out brings d2 into the project's α_u", () => {
      const twoOfUs = computeAgreement({ ...input, annotators: ["ann", "bob"] });
      expect(twoOfUs.alphaU.documents).toBe(2);
      expect(twoOfUs.alphaU.overall).toBeLessThan(1);
    });
  });

  it("labels without a span in a document are null there; a document nobody marked still counts for α_u", () => {
    const result = computeAgreement({
      documents: [
        { id: "d1", length: 30 },
        { id: "d2", length: 30 },
      ],
      annotators: ["ann", "bob"],
      done: { ann: ["d1", "d2"], bob: ["d1", "d2"] },
      spans: [span("ann", "d1", 0, 10, "quote"), span("bob", "d1", 2, 10, "quote")],
    });
    expect(result.labels).toEqual(["quote"]);
    // All null, as span-matching.test.ts checks.
    const nothingMarked = scoreTally(EMPTY_TALLY);
    expect(result.perDocument[1]).toEqual({
      documentId: "d2",
      annotators: ["ann", "bob"],
      pairs: [
        {
          a: "ann",
          b: "bob",
          documents: 1,
          exact: nothingMarked,
          overlap: nothingMarked,
        },
      ],
      alphaU: { overall: null, byLabel: { quote: null } },
    });
    // Agreeing that d2 has no quote is agreement: pooled α_u is higher than d1's alone.
    const d1 = result.perDocument[0]?.alphaU.overall as number;
    expect(result.alphaU.overall).toBeGreaterThan(d1);
  });

  it("one annotator, or none: no pairs and α_u null", () => {
    const one = computeAgreement({
      documents: [{ id: "d1", length: 10 }],
      annotators: ["ann"],
      done: { ann: ["d1"] },
      spans: [span("ann", "d1", 0, 5)],
    });
    expect(one.pairs).toEqual([]);
    expect(one.alphaU).toEqual({ overall: null, byLabel: { claim: null }, documents: 1 });
    const none = computeAgreement({ documents: [], annotators: [], done: {}, spans: [] });
    expect(none).toEqual({ labels: [], pairs: [], perDocument: [], alphaU: { overall: null, byLabel: {}, documents: 0 } });
  });

  it("leaves out spans of annotators not in scope", () => {
    const result = annAndBob(10, [span("ann", "d1", 0, 5), span("bob", "d1", 0, 5), span("dan", "d1", 5, 9, "quote")], {
      done: { ann: ["d1"], bob: ["d1"], dan: ["d1"] },
    });
    expect(result.labels).toEqual(["claim"]);
    expect(result.alphaU.overall).toBe(1);
  });

  it("reports the labels asked for, null where nobody used them", () => {
    const result = annAndBob(10, [span("ann", "d1", 0, 5), span("bob", "d1", 0, 5)], { labels: ["claim", "quote"] });
    expect(result.labels).toEqual(["claim", "quote"]);
    expect(result.alphaU.byLabel).toEqual({ claim: 1, quote: null });
  });

  it("leaves out spans on documents not in scope", () => {
    const result = computeAgreement({
      documents: [{ id: "d1", length: 10 }],
      annotators: ["ann", "bob"],
      done: { ann: ["d1", "d9"], bob: ["d1", "d9"] },
      spans: [span("ann", "d1", 0, 5), span("bob", "d1", 0, 5), span("ann", "d9", 0, 500, "quote")],
    });
    expect(result.labels).toEqual(["claim"]);
    expect(result.pairs[0]?.documents).toBe(1);
    expect(result.pairs[0]?.exact.f1).toBe(1);
  });

  it("rejects spans outside their document", () => {
    const base = { documents: [{ id: "d1", length: 10 }], annotators: ["ann"], done: { ann: ["d1"] } };
    const attempt = (spans: AgreementSpan[]) => {
      try {
        computeAgreement({ ...base, spans });
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(attempt([span("ann", "d1", 5, 11)])).toMatchObject({ code: "validation_failed" });
    expect(attempt([span("ann", "d1", 6, 5)])).toBeInstanceOf(DomainError);
    expect(attempt([span("ann", "d1", -1, 5)])).toMatchObject({ code: "validation_failed" });
  });
});

describe("pairsByLabel", () => {
  // ann and bob agree on the quote of d1 and differ on its claims; cay has not finished d2, and a
  // claim and a quote on the same text must not match across labels.
  const input: AgreementInput = {
    documents: [
      { id: "d1", length: 60 },
      { id: "d2", length: 60 },
    ],
    annotators: ["ann", "bob", "cay"],
    done: { ann: ["d1", "d2"], bob: ["d1", "d2"], cay: ["d1"] },
    spans: [
      span("ann", "d1", 0, 10, "quote"),
      span("bob", "d1", 0, 10, "quote"),
      span("cay", "d1", 0, 10, "claim"),
      span("ann", "d1", 20, 30, "claim"),
      span("bob", "d1", 40, 50, "claim"),
      span("ann", "d2", 5, 15, "quote"),
      span("bob", "d2", 7, 15, "quote"),
      span("cay", "d2", 5, 15, "quote"),
    ],
  };

  it("equals computeAgreement's pairs over the spans of each label alone", () => {
    const byLabel = pairsByLabel(input, ["claim", "quote", "unused"]);
    for (const label of ["claim", "quote", "unused"]) {
      const alone = computeAgreement({ ...input, spans: input.spans.filter((s) => s.label === label) });
      expect(byLabel[label]).toEqual(alone.pairs);
    }
  });

  it("gives the same a document at a time", () => {
    const pass = labelPairsPass(input, ["claim", "quote"]);
    expect(pass.step(1)).toBe(true);
    expect(pass.step(1)).toBe(false);
    expect(pass.result()).toEqual(pairsByLabel(input, ["claim", "quote"]));
  });

  it("scores each label on its own spans (hand-counted)", () => {
    const byLabel = pairsByLabel(input, ["claim", "quote"]);
    const ab = (label: string) => byLabel[label]?.find((p) => p.a === "ann" && p.b === "bob");
    // Quotes: d1 identical, d2 overlapping by 8 of the shorter 8 code points: 2 overlap matches, 1 exact.
    expect(ab("quote")).toMatchObject({ documents: 2, overlap: { matched: 2, f1: 1 }, exact: { matched: 1, f1: 0.5 } });
    // Claims: d1 disjoint.
    expect(ab("claim")?.overlap).toMatchObject({ matched: 0, aOnly: 1, bOnly: 1, f1: 0 });
    // ann–cay share d1 only, where cay's claim covers ann's quote: different labels never match.
    expect(byLabel.quote?.find((p) => p.a === "ann" && p.b === "cay")?.overlap).toMatchObject({ matched: 0, aOnly: 1, bOnly: 0 });
  });
});
