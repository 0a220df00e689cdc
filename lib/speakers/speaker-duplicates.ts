// Likely duplicate speakers — the same person or organisation entered twice: the same name
// ignoring case, accents and word order ("Lijian Zhao" / "Zhao Lijian"), a shared alias, one name
// a surname of the other ("Zhao" / "Zhao Lijian", but never "Zhao Lijian" / "Zhao Wei"), or
// initials ("J. Minier" / "Jiro Minier"). Pure, table-tested.

import { foldForMatching } from "../review/attribution-check";

export interface SpeakerName {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: "person" | "organization";
}

export interface DuplicatePair<S extends SpeakerName = SpeakerName> {
  a: S;
  b: S;
  /** Why they look alike, for a person to judge. */
  reason: string;
}

function tokens(name: string): string[] {
  const folded = foldForMatching(name).trim();
  return folded ? folded.split(" ") : [];
}

const isInitial = (token: string) => token.length === 1;

/** "J Minier" matches "Jiro Minier": same length, every token equal or an initial of the other, one full token shared. */
function initialsMatch(x: string[], y: string[]): boolean {
  if (x.length !== y.length || x.length < 2) return false;
  let sharedFull = false;
  let usedInitial = false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) {
      if (!isInitial(p)) sharedFull = true;
    } else if ((isInitial(p) && q.startsWith(p)) || (isInitial(q) && p.startsWith(q))) {
      usedInitial = true;
    } else return false;
  }
  return sharedFull && usedInitial;
}

/** Why `a` and `b` are likely the same speaker, or null. */
export function duplicateReason(a: SpeakerName, b: SpeakerName): string | null {
  const nameA = tokens(a.name);
  const nameB = tokens(b.name);
  if (nameA.length === 0 || nameB.length === 0) return null;
  if ([...nameA].sort().join(" ") === [...nameB].sort().join(" ")) {
    return nameA.join(" ") === nameB.join(" ") ? "the same name, ignoring case and accents" : "the same name in another word order";
  }
  const allA = [a.name, ...a.aliases].map((n) => tokens(n).join(" "));
  const allB = [b.name, ...b.aliases].map((n) => tokens(n).join(" "));
  const shared = allA.find((n) => n !== "" && allB.includes(n));
  if (shared !== undefined) {
    const original = [a.name, ...a.aliases, b.name, ...b.aliases].find((n) => tokens(n).join(" ") === shared) ?? shared;
    return `both are called “${original}”`;
  }
  if (a.kind !== b.kind) return null;
  const [one, many, oneName, manyName] = nameA.length === 1 ? [nameA, nameB, a.name, b.name] : [nameB, nameA, b.name, a.name];
  if (one.length === 1 && many.length > 1 && (one[0] === many[0] || one[0] === many.at(-1)) && !isInitial(one[0] as string)) {
    return `“${oneName}” may be the surname of “${manyName}”`;
  }
  if (initialsMatch(nameA, nameB)) return "the same name with initials";
  return null;
}

/** Every likely duplicate pair among `speakers`, each pair once, in the list's order. */
export function duplicatePairs<S extends SpeakerName>(speakers: readonly S[]): DuplicatePair<S>[] {
  const pairs: DuplicatePair<S>[] = [];
  for (let i = 0; i < speakers.length; i++) {
    for (let j = i + 1; j < speakers.length; j++) {
      const reason = duplicateReason(speakers[i] as S, speakers[j] as S);
      if (reason) pairs.push({ a: speakers[i] as S, b: speakers[j] as S, reason });
    }
  }
  return pairs;
}
