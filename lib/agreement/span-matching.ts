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
  return sharesEnough(sharedLength(x, y), x, y);
}

function sharesEnough(shared: number, x: MatchableSpan, y: MatchableSpan): boolean {
  return shared > 0 && 2 * shared >= Math.min(x.end - x.start, y.end - y.start);
}

export function isExactMatch(x: MatchableSpan, y: MatchableSpan): boolean {
  return x.start === y.start && x.end === y.end;
}

/** Candidate pairs, most preferred first, and a's spans in order of position. */
interface Candidates {
  aOrder: number[];
  list: Candidate[];
}

interface Candidate {
  a: number;
  b: number;
  shared: number;
  exact: boolean;
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
 * Every pair that shares a code point or has the same offsets, most preferred first. Both sides are
 * walked in order of start; a window skips the spans of b that end before the span of a begins
 * (b.start + longest b < a.start), so the work is the spans × the spans each one can meet, not n².
 */
function candidatesOf(a: readonly MatchableSpan[], b: readonly MatchableSpan[]): Candidates {
  const aOrder = byPosition(a);
  const bOrder = byPosition(b);
  let longest = 0;
  for (const y of b) longest = Math.max(longest, y.end - y.start);
  const candidates: Candidate[] = [];
  let first = 0;
  for (const ai of aOrder) {
    const x = a[ai] as MatchableSpan;
    while (first < bOrder.length && (b[bOrder[first] as number] as MatchableSpan).start + longest < x.start) first++;
    for (let k = first; k < bOrder.length; k++) {
      const bi = bOrder[k] as number;
      const y = b[bi] as MatchableSpan;
      if (y.start > x.end) break;
      const shared = sharedLength(x, y);
      const exact = isExactMatch(x, y);
      if (shared === 0 && !exact) continue;
      candidates.push({ a: ai, b: bi, shared, exact, sameLabel: x.label === y.label, sameSpeaker: x.speakerId === y.speakerId });
    }
  }
  // Stable sort: among equals, the order of position in which they were found.
  candidates.sort(
    (x, y) => y.shared - x.shared || Number(y.sameLabel) - Number(x.sameLabel) || Number(y.sameSpeaker) - Number(x.sameSpeaker),
  );
  return { aOrder, list: candidates };
}

/** A maximum one-to-one matching over candidates given in order of preference: greedy, then augmenting paths. */
function maximumMatching(aOrder: readonly number[], bCount: number, candidates: readonly Candidate[]): Candidate[] {
  const aCount = aOrder.length;
  const chosen = new Array<Candidate | undefined>(aCount);
  const holderOfB = new Int32Array(bCount).fill(-1);
  const options: Candidate[][] = Array.from({ length: aCount }, () => []);
  for (const candidate of candidates) {
    (options[candidate.a] as Candidate[]).push(candidate);
    if (chosen[candidate.a] === undefined && holderOfB[candidate.b] === -1) {
      chosen[candidate.a] = candidate;
      holderOfB[candidate.b] = candidate.a;
    }
  }

  // Augmenting paths (Kuhn): a span of a left unpaired that can still be paired, by moving partners
  // along a path, is paired. One pass suffices: no path from a span now means none later.
  const visited = new Uint8Array(bCount);
  const augment = (ai: number): boolean => {
    for (const option of options[ai] as Candidate[]) {
      if (visited[option.b]) continue;
      visited[option.b] = 1;
      const holder = holderOfB[option.b] as number;
      if (holder === -1 || augment(holder)) {
        chosen[ai] = option;
        holderOfB[option.b] = ai;
        return true;
      }
    }
    return false;
  };
  for (const ai of aOrder) {
    if (chosen[ai] !== undefined || (options[ai] as Candidate[]).length === 0) continue;
    visited.fill(0);
    augment(ai);
  }
  return chosen.filter((candidate): candidate is Candidate => candidate !== undefined);
}

const accepts: Record<MatchMode, (candidate: Candidate, a: MatchableSpan, b: MatchableSpan) => boolean> = {
  exact: (candidate) => candidate.exact,
  overlap: (candidate, a, b) => sharesEnough(candidate.shared, a, b),
};

function matchesFrom(a: readonly MatchableSpan[], b: readonly MatchableSpan[], candidates: Candidates, mode: MatchMode): Candidate[] {
  const valid = candidates.list.filter((candidate) =>
    accepts[mode](candidate, a[candidate.a] as MatchableSpan, b[candidate.b] as MatchableSpan),
  );
  return maximumMatching(candidates.aOrder, b.length, valid);
}

/** The matched pairs [index in a, index in b] of a maximum one-to-one matching under `mode`, in a's order. */
export function matchSpans(a: readonly MatchableSpan[], b: readonly MatchableSpan[], mode: MatchMode): Array<[number, number]> {
  return matchesFrom(a, b, candidatesOf(a, b), mode)
    .map((candidate): [number, number] => [candidate.a, candidate.b])
    .sort((x, y) => x[0] - y[0]);
}

function tallyOf(a: readonly MatchableSpan[], b: readonly MatchableSpan[], matches: readonly Candidate[]): MatchTally {
  let sameLabel = 0;
  let sameSpeaker = 0;
  for (const match of matches) {
    if (match.sameLabel) sameLabel++;
    if (match.sameSpeaker) sameSpeaker++;
  }
  return { matched: matches.length, aOnly: a.length - matches.length, bOnly: b.length - matches.length, sameLabel, sameSpeaker };
}

/** Both modes' tallies for one document, from one pass over the candidate pairs. */
export function compareSpans(a: readonly MatchableSpan[], b: readonly MatchableSpan[]): Record<MatchMode, MatchTally> {
  const candidates = candidatesOf(a, b);
  return { exact: tallyOf(a, b, matchesFrom(a, b, candidates, "exact")), overlap: tallyOf(a, b, matchesFrom(a, b, candidates, "overlap")) };
}

/** Matches a against b in one document under `mode` and counts what the scores need. */
export function tallyMatches(a: readonly MatchableSpan[], b: readonly MatchableSpan[], mode: MatchMode): MatchTally {
  return tallyOf(a, b, matchesFrom(a, b, candidatesOf(a, b), mode));
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
