// What a team reads first about its agreement — the Agreement tab's ranking of documents (least
// agreement first, where to look) and the project dashboard's summary — from one report. Pure.

import type { AgreementReport } from "./load-agreement";

type Pairs = AgreementReport["pairs"];

/** Mean of the pairs' overlap F1, null when no pair has one: how a document or a label is ranked. */
export function meanOverlapF1(pairs: Pairs): number | null {
  const values = pairs.map((pair) => pair.overlap.f1).filter((f1): f1 is number => f1 !== null);
  return values.length ? values.reduce((sum, f1) => sum + f1, 0) / values.length : null;
}

export type RankedDocument = AgreementReport["perDocument"][number] & { f1: number | null };

/** Documents two or more annotators finished, least agreement first (mean overlap F1, then α_u; unknown last). */
export function documentsByAgreement(report: AgreementReport): RankedDocument[] {
  return report.perDocument
    .filter((document) => document.pairs.length > 0)
    .map((document) => ({ ...document, f1: meanOverlapF1(document.pairs) }))
    .sort((x, y) => (x.f1 ?? 2) - (y.f1 ?? 2) || (x.alphaU.overall ?? 2) - (y.alphaU.overall ?? 2));
}

export interface AgreementSummary {
  /** Krippendorff's α_u over all labels, and the documents it is over (those every annotator finished). */
  alphaU: number | null;
  alphaDocuments: number;
  /** Mean over the pairs of annotators of their project-wide overlap F1. */
  meanF1: number | null;
  /** Documents at least two annotators marked done. */
  documents: number;
  /** The document with the least agreement, or null when none has two annotators done. */
  lowest: { documentId: string; title: string; f1: number | null } | null;
}

export function agreementSummary(report: AgreementReport): AgreementSummary {
  const ranked = documentsByAgreement(report);
  const lowest = ranked[0];
  return {
    alphaU: report.alphaU.overall,
    alphaDocuments: report.alphaU.documents,
    meanF1: meanOverlapF1(report.pairs.filter((pair) => pair.documents > 0)),
    documents: ranked.length,
    lowest: lowest ? { documentId: lowest.documentId, title: lowest.title, f1: lowest.f1 } : null,
  };
}
