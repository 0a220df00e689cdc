// Who a subject refers to: names, pronouns and role nouns resolved against the mentions seen so far
// in the document and against the project's speakers (by name, alias or surname). Pure; compromise
// (offline, ships its lexicon) tells organisations from people for names the rules find.

import nlp from "compromise";
import { ORGANIZATION_NOUNS } from "./cues";

export interface KnownSpeaker {
  id: string;
  name: string;
  aliases: readonly string[];
  kind?: "person" | "organization";
}

/** A speaker the document mentions: a project speaker, or a new one the analyst may create. */
export interface Mention {
  name: string;
  kind: "person" | "organization";
  description: string | null;
  speakerId: string | null;
}

export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s$/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ORGANIZATION_WORDS =
  /\b(?:Ministry|Agency|Inc|Ltd|Corp|Corporation|Company|Department|Council|Bank|Union|Group|Office|Commission|Cent(?:er|re)|Institute|University|Police|Army|Party|Association|Federation|Foundation|Committee|Court|Government|Parliament|Authority|Board|Service|Organi[sz]ation|Fund|Times|News|Post)\b/u;

const kindCache = new Map<string, Mention["kind"] | null>();

/**
 * Person or organisation by the name alone, or null when it names neither (a place, a weekday):
 * an organisation word or compromise's lexicon decides. Cached: names repeat through a document.
 */
export function recognizedKind(name: string): Mention["kind"] | null {
  const cached = kindCache.get(name);
  if (cached !== undefined) return cached;
  let kind: Mention["kind"] | null = null;
  if (ORGANIZATION_WORDS.test(name)) kind = "organization";
  else {
    const doc = nlp(name);
    if (doc.people().found) kind = "person";
    else if (doc.organizations().found) kind = "organization";
  }
  if (kindCache.size > 10_000) kindCache.clear();
  kindCache.set(name, kind);
  return kind;
}

/** The kind of a name in subject position of a cue: a person unless recognised as an organisation. */
export function nameKind(name: string): Mention["kind"] {
  if (/^\p{Lu}{2,}$/u.test(name)) return "organization";
  return recognizedKind(name) ?? "person";
}

/** Words that start a sentence before a name ("But Zhao said") and are not part of it. */
const LEADING_WORDS = new Set(
  "the but and however meanwhile yesterday today also later then on in at after before when while so yet still now earlier last this that as although though because if since speaking writing asked".split(
    " ",
  ),
);

/** The name proper: leading connectives and a role prefix ("Ministry spokesman Zhao") removed. */
export function cleanName(raw: string): string {
  let words = raw
    .replace(/[’']s$/u, "")
    .trim()
    .split(/\s+/u);
  while (words.length > 1 && LEADING_WORDS.has((words[0] as string).toLowerCase())) words = words.slice(1);
  return words.join(" ").replace(/[.,]$/u, "");
}

function tokens(name: string): string[] {
  return normalizeName(name).split(" ").filter(Boolean);
}

/** The project speaker a name stands for: by name or alias, else by a unique surname/given-name match. */
export function matchKnownSpeaker(name: string, speakers: readonly KnownSpeaker[]): KnownSpeaker | null {
  const key = normalizeName(name);
  const exact = speakers.find((s) => normalizeName(s.name) === key || s.aliases.some((a) => normalizeName(a) === key));
  if (exact) return exact;
  const words = tokens(name);
  if (words.length === 1) {
    const hits = speakers.filter((s) => tokens(s.name).includes(words[0] as string));
    if (hits.length === 1) return hits[0] as KnownSpeaker;
  } else {
    const last = words[words.length - 1];
    const hits = speakers.filter((s) => {
      const t = tokens(s.name);
      return t[t.length - 1] === last && t[0] === words[0];
    });
    if (hits.length === 1) return hits[0] as KnownSpeaker;
  }
  return null;
}

/** The mentions of one document, most recent last. */
export class MentionTracker {
  private readonly mentions: Mention[] = [];
  private readonly speakers: readonly KnownSpeaker[];

  constructor(speakers: readonly KnownSpeaker[]) {
    this.speakers = speakers;
  }

  /** A name seen as a subject (with an appositive description, if any): the mention it is, now most recent. */
  byName(rawName: string, description: string | null): Mention {
    const name = cleanName(rawName);
    const key = normalizeName(name);
    const words = tokens(name);
    let found = this.mentions.find(
      (m) =>
        normalizeName(m.name) === key ||
        (words.length === 1 && tokens(m.name).includes(words[0] as string)) ||
        (m.speakerId !== null && this.speakers.some((s) => s.id === m.speakerId && s.aliases.some((a) => normalizeName(a) === key))),
    );
    if (!found) {
      const known = matchKnownSpeaker(name, this.speakers);
      found = known
        ? { name: known.name, kind: known.kind ?? nameKind(known.name), description: null, speakerId: known.id }
        : { name, kind: nameKind(name), description, speakerId: null };
    } else if (description && !found.description) {
      found.description = description;
    }
    this.touch(found);
    return found;
  }

  /** A name seen anywhere (not as a subject): a mention only if it names a person or an organisation. */
  seen(rawName: string): void {
    const name = cleanName(rawName);
    if (!/\s/u.test(name) && !this.mentions.some((m) => tokens(m.name).includes(normalizeName(name)))) return;
    if (recognizedKind(name) === null && !this.mentions.some((m) => normalizeName(m.name) === normalizeName(name))) return;
    this.byName(name, null);
  }

  /** The most recent mention a pronoun or role noun fits. */
  byReference(reference: string): Mention | null {
    const lower = reference.toLowerCase().replace(/[’']s$/u, "");
    const noun = lower.split(/\s+/u).pop() ?? lower;
    const wantsOrganization = lower === "it" || ORGANIZATION_NOUNS.has(noun);
    const wantsPerson = lower === "he" || lower === "she" || lower === "i" || (!wantsOrganization && !/^(they|we)$/u.test(lower));
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (wantsOrganization && m.kind !== "organization") continue;
      if (wantsPerson && m.kind !== "person") continue;
      if (!wantsOrganization && !wantsPerson) return this.touch(m);
      if (noun !== lower && !ORGANIZATION_NOUNS.has(noun)) {
        // "the analyst": prefer a person described as one, else the most recent person.
        const described = this.mentions.findLast((x) => x.kind === "person" && x.description?.toLowerCase().includes(noun));
        if (described) return this.touch(described);
      }
      if (wantsOrganization && noun !== "it" && !normalizeName(m.name).includes(noun) && noun !== "statement" && noun !== "report") {
        const named = this.mentions.findLast((x) => x.kind === "organization" && normalizeName(x.name).includes(noun));
        if (named) return this.touch(named);
      }
      return this.touch(m);
    }
    return null;
  }

  /** The most recent speaker of any kind (for a quote with no cue). */
  latest(): Mention | null {
    return this.mentions[this.mentions.length - 1] ?? null;
  }

  private touch(mention: Mention): Mention {
    const at = this.mentions.indexOf(mention);
    if (at >= 0) this.mentions.splice(at, 1);
    this.mentions.push(mention);
    return mention;
  }
}
