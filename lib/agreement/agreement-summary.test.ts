// The summary and the ranking from hand-made reports: the empty state, and least agreement first.

import { describe, expect, it } from "vitest";
import { agreementSummary, documentsByAgreement } from "./agreement-summary";
import type { AgreementReport } from "./load-agreement";

const scores = (f1: number | null) => ({
  precision: f1,
  recall: f1,
  f1,
  matched: 0,
  aOnly: 0,
  bOnly: 0,
  labelAgreement: null,
  speakerAgreement: null,
});
const pair = (f1: number | null, documents = 1) => ({ a: "ann", b: "bob", documents, exact: scores(f1), overlap: scores(f1) });
const doc = (documentId: string, f1s: (number | null)[], alpha: number | null = null) => ({
  documentId,
  title: documentId.toUpperCase(),
  annotators: ["ann", "bob"],
  pairs: f1s.map((f1) => pair(f1)),
  alphaU: { overall: alpha, byLabel: {} },
});
const report = (perDocument: AgreementReport["perDocument"], pairs = [pair(0.5, 2)]): AgreementReport => ({
  labels: [],
  pairs,
  perDocument,
  alphaU: { overall: 0.4, byLabel: {}, documents: 2 },
  users: [],
});

describe("agreementSummary", () => {
  it("is empty when no document has two annotators done", () => {
    expect(agreementSummary(report([{ ...doc("a", []), annotators: ["ann"] }], [pair(null, 0)]))).toEqual({
      alphaU: 0.4,
      alphaDocuments: 2,
      meanF1: null,
      documents: 0,
      lowest: null,
    });
  });

  it("names the least-agreeing document; ties on F1 go by α_u, unknown F1 last", () => {
    const ranked = documentsByAgreement(
      report([doc("high", [0.9]), doc("none", [null]), doc("low-a", [0.25, 0.75], 0.5), doc("low-b", [0.5], 0.1)]),
    );
    expect(ranked.map((d) => d.documentId)).toEqual(["low-b", "low-a", "high", "none"]);
    const summary = agreementSummary(report([doc("high", [0.9]), doc("low", [0.2, 0.4])], [pair(0.5, 2), pair(0.7, 2)]));
    expect(summary).toMatchObject({ meanF1: 0.6, documents: 2, lowest: { documentId: "low", title: "LOW" } });
    expect(summary.lowest?.f1).toBeCloseTo(0.3, 12);
  });
});
