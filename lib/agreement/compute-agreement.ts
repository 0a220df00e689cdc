// Everything the agreement endpoint reports, from plain spans: for each pair of annotators, span
// F1 (exact and overlap matching) with label and speaker agreement, per document and summed over the
// documents both finished; and α_u per label and overall, per document and for the project.
//
// Which documents count:
// - A pair is compared on the documents both annotators marked done; project scores sum the counts
//   over those documents (micro average).
// - A document's α_u is over the annotators in scope who finished it.
// - The project's α_u is over the documents every annotator in scope finished. α_u assumes every
//   coder cut every continuum; counting a missing annotator as "marked nothing" would be read as
//   disagreement, and averaging α over documents with different coders is not α. Narrow `annotators`
//   (the endpoint's `users`) to include more documents.

import { validationFailed } from "../errors/domain-error";
import { alphaFromTerms, poolTerms, unitizingTerms, type UnitizingContinuum, type UnitizingTerms } from "./krippendorff-unitizing";
import { addTallies, compareSpans, EMPTY_TALLY, scoreTally, type MatchTally } from "./span-matching";
import type { AgreementInput, AgreementResult, AgreementSpan, AlphaU, DocumentAgreement, PairAgreement } from "./types";

interface PairTotals {
  a: string;
  b: string;
  documents: number;
  exact: MatchTally;
  overlap: MatchTally;
}

function checkInput(input: AgreementInput): Map<string, number> {
  const lengths = new Map<string, number>();
  input.documents.forEach((document, index) => {
    if (lengths.has(document.id)) throw validationFailed("Each document may be given once.", { [`documents[${index}].id`]: "duplicate" });
    if (!Number.isInteger(document.length) || document.length < 0) {
      throw validationFailed("A document's length is a whole number of code points.", { [`documents[${index}].length`]: "not a length" });
    }
    lengths.set(document.id, document.length);
  });
  if (new Set(input.annotators).size !== input.annotators.length)
    throw validationFailed("Each annotator may be given once.", { annotators: "duplicate" });
  return lengths;
}

function checkSpan(span: AgreementSpan, index: number, length: number): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= length)) {
    throw validationFailed("A span lies outside its document.", {
      [`spans[${index}]`]: `[${span.start}, ${span.end}) is outside [0, ${length}]`,
    });
  }
}

function alphaFor(terms: UnitizingTerms, labels: readonly string[]): AlphaU {
  const result = alphaFromTerms(terms, labels);
  const byLabel: Record<string, number | null> = {};
  for (const label of labels) byLabel[label] = result.byCategory[label]?.alpha ?? null;
  return { overall: result.alpha, byLabel };
}

function continuumOf(
  length: number,
  spansByAnnotator: ReadonlyMap<string, AgreementSpan[]>,
  annotators: readonly string[],
): UnitizingContinuum {
  const units = annotators.flatMap((annotator) =>
    (spansByAnnotator.get(annotator) ?? []).map((span) => ({ coder: annotator, category: span.label, start: span.start, end: span.end })),
  );
  return { length, units };
}

/** The spans in scope, grouped document -> annotator, and who finished what; validates the input. */
interface Scope {
  finished: Map<string, Set<string>>;
  spansOf: Map<string, Map<string, AgreementSpan[]>>;
  /** The labels asked for and those seen in scope, sorted. */
  labels: string[];
}

function scopeOf(input: AgreementInput): Scope {
  const lengths = checkInput(input);
  const inScope = new Set(input.annotators);
  const finished = new Map(input.annotators.map((annotator) => [annotator, new Set(input.done[annotator] ?? [])]));
  // document -> annotator -> spans, keeping only spans in scope on documents their annotator finished.
  const spansOf = new Map<string, Map<string, AgreementSpan[]>>();
  const labelSet = new Set<string>(input.labels);
  input.spans.forEach((span, index) => {
    const length = lengths.get(span.documentId);
    if (length === undefined) return;
    checkSpan(span, index, length);
    if (!inScope.has(span.annotator) || !finished.get(span.annotator)?.has(span.documentId)) return;
    let byAnnotator = spansOf.get(span.documentId);
    if (!byAnnotator) spansOf.set(span.documentId, (byAnnotator = new Map()));
    let list = byAnnotator.get(span.annotator);
    if (!list) byAnnotator.set(span.annotator, (list = []));
    list.push(span);
    labelSet.add(span.label);
  });
  return { finished, spansOf, labels: [...labelSet].sort() };
}

function emptyTotals(annotators: readonly string[]): PairTotals[] {
  const totals: PairTotals[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      totals.push({ a: annotators[i] as string, b: annotators[j] as string, documents: 0, exact: EMPTY_TALLY, overlap: EMPTY_TALLY });
    }
  }
  return totals;
}

/** Compares every pair that finished the document on its spans, adding the counts to `totals`; the document's own pair scores. */
function compareDocument(
  totals: PairTotals[],
  finishers: ReadonlySet<string>,
  spansOfAnnotator: (annotator: string) => readonly AgreementSpan[],
): PairAgreement[] {
  const pairs: PairAgreement[] = [];
  for (const pair of totals) {
    if (!finishers.has(pair.a) || !finishers.has(pair.b)) continue;
    const { exact, overlap } = compareSpans(spansOfAnnotator(pair.a), spansOfAnnotator(pair.b));
    pair.documents++;
    pair.exact = addTallies(pair.exact, exact);
    pair.overlap = addTallies(pair.overlap, overlap);
    pairs.push({ a: pair.a, b: pair.b, documents: 1, exact: scoreTally(exact), overlap: scoreTally(overlap) });
  }
  return pairs;
}

function scoredTotals(totals: readonly PairTotals[]): PairAgreement[] {
  return totals.map((pair) => ({
    a: pair.a,
    b: pair.b,
    documents: pair.documents,
    exact: scoreTally(pair.exact),
    overlap: scoreTally(pair.overlap),
  }));
}

/** Agreement between `input.annotators` over `input.documents`. Throws validation_failed on a span outside its document. */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const { finished, spansOf, labels } = scopeOf(input);
  const totals = emptyTotals(input.annotators);
  const perDocument: DocumentAgreement[] = [];
  // The terms of documents every annotator finished; pooled, they are the project's α_u.
  const projectParts: UnitizingTerms[] = [];
  for (const document of input.documents) {
    const byAnnotator = spansOf.get(document.id) ?? new Map<string, AgreementSpan[]>();
    const annotators = input.annotators.filter((annotator) => finished.get(annotator)?.has(document.id));
    const pairs = compareDocument(totals, new Set(annotators), (annotator) => byAnnotator.get(annotator) ?? []);
    const terms = unitizingTerms(annotators, continuumOf(document.length, byAnnotator, annotators));
    if (annotators.length === input.annotators.length) projectParts.push(terms);
    perDocument.push({ documentId: document.id, annotators, pairs, alphaU: alphaFor(terms, labels) });
  }

  return {
    labels,
    pairs: scoredTotals(totals),
    perDocument,
    alphaU: {
      ...alphaFor(poolTerms(projectParts), labels),
      documents: projectParts.length,
    },
  };
}

/**
 * Each pair's project scores label by label: for every label, what computeAgreement's `pairs` are
 * when only spans of that label are given — from one pass over the input, without α_u (which
 * computeAgreement already reports per label). For the agreement page's "by label" table.
 */
export function pairsByLabel(input: AgreementInput, labels: readonly string[]): Record<string, PairAgreement[]> {
  const pass = labelPairsPass(input, labels);
  while (pass.step(Infinity));
  return pass.result();
}

/**
 * pairsByLabel a few documents at a time, for a caller that must not hold the event loop for the
 * whole pass (a streamed page yields between steps so the rest of it is sent meanwhile).
 */
export function labelPairsPass(input: AgreementInput, labels: readonly string[]) {
  const { finished, spansOf } = scopeOf(input);
  const totals = new Map(labels.map((label) => [label, emptyTotals(input.annotators)]));
  let next = 0;
  return {
    /** Compares up to `count` more documents; false once every document has been compared. */
    step(count: number): boolean {
      const end = Math.min(input.documents.length, next + count);
      for (; next < end; next++) {
        const document = input.documents[next] as AgreementInput["documents"][number];
        const byAnnotator = spansOf.get(document.id);
        const finishers = new Set(input.annotators.filter((annotator) => finished.get(annotator)?.has(document.id)));
        for (const [label, labelTotals] of totals) {
          compareDocument(labelTotals, finishers, (annotator) =>
            (byAnnotator?.get(annotator) ?? []).filter((span) => span.label === label),
          );
        }
      }
      return next < input.documents.length;
    },
    result(): Record<string, PairAgreement[]> {
      return Object.fromEntries([...totals].map(([label, labelTotals]) => [label, scoredTotals(labelTotals)]));
    },
  };
}
