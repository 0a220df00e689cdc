// One-to-one matching of two annotators' spans in one document, exact or by overlap, and the scores
// read from it: precision/recall/F1 with the first annotator as the reference, and label and speaker
// agreement on the matched pairs. Pure; sums over documents are plain additions of tallies.
//
// Which pairs match: a maximum one-to-one matching (as many pairs as the criterion allows). Among the
// maximum matchings we prefer the one a greedy pass by largest shared length picks — ties broken by
// same label, then same speaker, then position — completed by augmenting paths where greedy alone
// would leave a pairable span unpaired (greedy can: a long span taking the partner of a short one
// whose only partner that was). The tie-break favours label agreement only where the offsets cannot
// tell two candidates apart (a claim and a quote on the same text).

import type { AgreementSpan, MatchScores } from "./types";

export type MatchMode = "exact" | "overlap";

export type MatchableSpan = Pick<AgreementSpan, "start" | "end" | "label" | "speakerId">;

/** Counts that add up over documents; every score is derived from them. */
export interface MatchTally {
  matched: number;
  aOnly: number;
  bOnly: number;
  /** Matched pairs with the same label. */
  sameLabel: number;
  /** Matched pairs with the same speakerId, null = null included. */
  sameSpeaker: number;
}

export const EMPTY_TALLY: Readonly<MatchTally> = { matched: 0, aOnly: 0, bOnly: 0, sameLabel: 0, sameSpeaker: 0 };

/** Code points two spans share. */
export function sharedLength(x: MatchableSpan, y: MatchableSpan): number {
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

/** Overlap match: the spans share at least one code point, and at least half of the shorter one's. */
export function overlapsEnough(x: MatchableSpan, y: MatchableSpan): boolean {
  const shared = sharedLength(x, y);
  return shared > 0 && 2 * shared >= Math.min(x.end - x.start, y.end - y.start);
}

export function isExactMatch(x: MatchableSpan, y: MatchableSpan): boolean {
  return x.start === y.start && x.end === y.end;
}

interface Candidate {
  a: number;
  b: number;
  shared: number;
  sameLabel: boolean;
  sameSpeaker: boolean;
}

function byPosition(spans: readonly MatchableSpan[]): number[] {
  return spans
    .map((_, index) => index)
    .sort(
      (x, y) =>
        (spans[x] as MatchableSpan).start - (spans[y] as MatchableSpan).start ||
        (spans[x] as MatchableSpan).end - (spans[y] as MatchableSpan).end ||
        x - y,
    );
}

/**
 * The matched pairs [index in a, index in b] of a maximum one-to-one matching under `mode`.
 * O(n·k) to find candidates over spans sorted by start (k = spans a span can overlap), then greedy
 * and augmenting paths over the candidates only.
 */
export function matchSpans(a: readonly MatchableSpan[], b: readonly MatchableSpan[], mode: MatchMode): Array<[number, number]> {
  const accepts = mode === "exact" ? isExactMatch : overlapsEnough;
  const aOrder = byPosition(a);
  const bOrder = byPosition(b);
  const candidates: Candidate[] = [];
  for (const ai of aOrder) {
    const x = a[ai] as MatchableSpan;
    for (const bi of bOrder) {
      const y = b[bi] as MatchableSpan;
      // Sorted by start: nothing further along can share a code point with x (or, for exact, start with it).
      if (y.start > x.end || (y.start === x.end && x.end > x.start)) break;
      if (!accepts(x, y)) continue;
      candidates.push({
        a: ai,
        b: bi,
        shared: sharedLength(x, y),
        sameLabel: x.label === y.label,
        sameSpeaker: x.speakerId === y.speakerId,
      });
    }
  }
  // Preference order; position (aOrder/bOrder rank) makes ties deterministic.
  const aRank = rankOf(aOrder);
  const bRank = rankOf(bOrder);
  candidates.sort(
    (x, y) =>
      y.shared - x.shared ||
      Number(y.sameLabel) - Number(x.sameLabel) ||
      Number(y.sameSpeaker) - Number(x.sameSpeaker) ||
      (aRank[x.a] as number) - (aRank[y.a] as number) ||
      (bRank[x.b] as number) - (bRank[y.b] as number),
  );

  const partnerOfA = new Int32Array(a.length).fill(-1);
  const partnerOfB = new Int32Array(b.length).fill(-1);
  const options: number[][] = a.map(() => []);
  for (const candidate of candidates) {
    (options[candidate.a] as number[]).push(candidate.b);
    if (partnerOfA[candidate.a] === -1 && partnerOfB[candidate.b] === -1) {
      partnerOfA[candidate.a] = candidate.b;
      partnerOfB[candidate.b] = candidate.a;
    }
  }

  // Augmenting paths (Kuhn): a span of a left unpaired that can still be paired, by moving partners
  // along a path, is paired. One pass suffices: no path from a span now means none later.
  const visited = new Uint8Array(b.length);
  const augment = (ai: number): boolean => {
    for (const bi of options[ai] as number[]) {
      if (visited[bi]) continue;
      visited[bi] = 1;
      const holder = partnerOfB[bi] as number;
      if (holder === -1 || augment(holder)) {
        partnerOfA[ai] = bi;
        partnerOfB[bi] = ai;
        return true;
      }
    }
    return false;
  };
  for (const ai of aOrder) {
    if (partnerOfA[ai] !== -1 || (options[ai] as number[]).length === 0) continue;
    visited.fill(0);
    augment(ai);
  }

  const pairs: Array<[number, number]> = [];
  for (const ai of aOrder) if ((partnerOfA[ai] as number) !== -1) pairs.push([ai, partnerOfA[ai] as number]);
  return pairs;
}

function rankOf(order: readonly number[]): Int32Array {
  const rank = new Int32Array(order.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

/** Matches a against b in one document and counts what the scores need. */
export function tallyMatches(a: readonly MatchableSpan[], b: readonly MatchableSpan[], mode: MatchMode): MatchTally {
  const pairs = matchSpans(a, b, mode);
  let sameLabel = 0;
  let sameSpeaker = 0;
  for (const [ai, bi] of pairs) {
    const x = a[ai] as MatchableSpan;
    const y = b[bi] as MatchableSpan;
    if (x.label === y.label) sameLabel++;
    if (x.speakerId === y.speakerId) sameSpeaker++;
  }
  return { matched: pairs.length, aOnly: a.length - pairs.length, bOnly: b.length - pairs.length, sameLabel, sameSpeaker };
}

export function addTallies(x: MatchTally, y: MatchTally): MatchTally {
  return {
    matched: x.matched + y.matched,
    aOnly: x.aOnly + y.aOnly,
    bOnly: x.bOnly + y.bOnly,
    sameLabel: x.sameLabel + y.sameLabel,
    sameSpeaker: x.sameSpeaker + y.sameSpeaker,
  };
}

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Scores from a tally (one document's, or summed over documents: micro average). */
export function scoreTally(tally: MatchTally): MatchScores {
  const { matched, aOnly, bOnly } = tally;
  return {
    precision: ratio(matched, matched + bOnly),
    recall: ratio(matched, matched + aOnly),
    f1: ratio(2 * matched, 2 * matched + aOnly + bOnly),
    matched,
    aOnly,
    bOnly,
    labelAgreement: ratio(tally.sameLabel, matched),
    speakerAgreement: ratio(tally.sameSpeaker, matched),
  };
}
