// The shapes agreement is computed over and reported in. Offsets are Unicode code points, half-open
// [start, end), as everywhere in Sourcemark; a document's length (code points) is the continuum α_u
// measures over. Every score is a plain number, or null where it is undefined (never NaN).

/** One annotator's span, as the agreement functions read it. */
export interface AgreementSpan {
  id: string;
  annotator: string;
  documentId: string;
  start: number;
  end: number;
  label: string;
  speakerId: string | null;
}

export interface AgreementDocument {
  id: string;
  /** Length of the document's text in code points. */
  length: number;
}

export interface AgreementInput {
  /** The documents in scope, in the order the result lists them. */
  documents: readonly AgreementDocument[];
  /**
   * Spans to compare. Spans of annotators or documents not in scope, and spans on a document their
   * annotator has not finished, are left out; filter by label before calling to compare one label.
   */
  spans: readonly AgreementSpan[];
  /** The annotators to compare, in the order pairs are formed: in pair (a, b), a comes first and is the reference. */
  annotators: readonly string[];
  /** For each annotator, the documents they marked done. Only finished documents count; ids not in scope are ignored. */
  done: Readonly<Record<string, readonly string[]>>;
  /** Labels to report even where no span has them (null there), e.g. every label of the vocabulary. */
  labels?: readonly string[];
}

/** Precision/recall/F1 of one matching mode, with b scored against a as the reference. */
export interface MatchScores {
  /** matched / spans of b; null when b has no spans. */
  precision: number | null;
  /** matched / spans of a; null when a has no spans. */
  recall: number | null;
  /** 2·matched / (spans of a + spans of b), symmetric; null when neither has spans. */
  f1: number | null;
  matched: number;
  aOnly: number;
  bOnly: number;
  /** Share of matched pairs with the same label; null when nothing matched. */
  labelAgreement: number | null;
  /** Share of matched pairs with the same speaker (both without a speaker counts as the same); null when nothing matched. */
  speakerAgreement: number | null;
}

export interface PairAgreement {
  a: string;
  b: string;
  /** Documents both annotators finished, over which the counts are summed (micro average). */
  documents: number;
  exact: MatchScores;
  overlap: MatchScores;
}

export interface AlphaU {
  overall: number | null;
  /** Every label of the result, each null where α_u is undefined (e.g. no span of that label). */
  byLabel: Record<string, number | null>;
}

export interface DocumentAgreement {
  documentId: string;
  /** The annotators in scope who finished this document: its pairs and its α_u are over them. */
  annotators: string[];
  pairs: PairAgreement[];
  alphaU: AlphaU;
}

export interface ProjectAlphaU extends AlphaU {
  /** Documents every annotator in scope finished: the ones α_u is computed over. */
  documents: number;
}

export interface AgreementResult {
  /** The labels asked for and those seen in scope, sorted. */
  labels: string[];
  pairs: PairAgreement[];
  perDocument: DocumentAgreement[];
  alphaU: ProjectAlphaU;
}
