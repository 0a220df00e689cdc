// Who a subject refers to: names, pronouns and role nouns resolved against the mentions seen so far
// in the document and against the project's speakers (by name, alias or surname). Pure; compromise
// (offline, ships its lexicon) tells organisations from people for names the rules find.

import nlp from "compromise";
import { ORGANIZATION_NOUNS, TITLES } from "./cues";

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
  /\b(?:Ministry|Agency|Inc|Ltd|Corp|Corporation|Company|Department|Council|Bank|Union|Group|Office|Commission|Cent(?:er|re)|Institute|University|Police|Army|Party|Association|Federation|Foundation|Committee|Court|Government|Parliament|Authority|Board|Service|Organi[sz]ation|Fund|Times|News|Post|Energy|Motors|Airlines|Holdings|Systems|Technologies|Labs|Records|Pharma|Media|Capital|Partners|Foods|Ministry)\b/u;

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
    // Two or three capitalised words that are not a place read as a name compromise does not know.
    else if (/^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(name) && !doc.places().found) kind = "person";
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
  // "ECB President Christine Lagarde" → "Christine Lagarde": the name follows the last title.
  const lastTitle = words.findLastIndex((word, i) => i < words.length - 1 && TITLES.has(word.toLowerCase()));
  if (lastTitle >= 0 && !ORGANIZATION_WORDS.test(words.join(" "))) words = words.slice(lastTitle + 1);
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

/** A mention with its normalised name and words, computed once (the tracker compares them often). */
interface Tracked extends Mention {
  key: string;
  words: string[];
}

function tracked(mention: Mention): Tracked {
  const key = normalizeName(mention.name);
  return { ...mention, key, words: key.split(" ").filter(Boolean) };
}

/** The mentions of one document, most recent last. */
export class MentionTracker {
  private readonly mentions: Tracked[] = [];
  private readonly speakers: readonly KnownSpeaker[];
  private readonly text: string;
  private readonly fullNames = new Map<string, string>();

  /** `text` is the whole document: a surname alone ("Okafor said") is expanded to its first full mention. */
  constructor(speakers: readonly KnownSpeaker[], text = "") {
    this.speakers = speakers;
    this.text = text;
  }

  private fullName(name: string): string {
    if (/\s/u.test(name)) return name;
    let full = this.fullNames.get(name);
    if (full === undefined) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
      const re = new RegExp(
        `(?:\\p{Lu}[\\p{L}'’-]*[ \\t]+){1,3}${escaped}(?![\\p{L}'’])|(?<![\\p{L}])${escaped}(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*){1,2}`,
        "u",
      );
      const found = re.exec(this.text);
      full = found ? cleanName(found[0]) : name;
      if (!tokens(full).includes(normalizeName(name))) full = name;
      this.fullNames.set(name, full);
    }
    return full;
  }

  /** A name seen as a subject (with an appositive description, if any): the mention it is, now most recent. */
  byName(rawName: string, description: string | null): Mention {
    const name = cleanName(rawName);
    const key = normalizeName(name);
    const words = tokens(name);
    let found = this.mentions.find(
      (m) =>
        m.key === key ||
        (words.length === 1 && m.words.includes(words[0] as string)) ||
        (m.speakerId !== null && this.speakers.some((s) => s.id === m.speakerId && s.aliases.some((a) => normalizeName(a) === key))),
    );
    if (!found) {
      const known = matchKnownSpeaker(name, this.speakers);
      const full = known ? name : this.fullName(name);
      found = known
        ? (this.mentions.find((m) => m.speakerId === known.id) ??
          tracked({ name: known.name, kind: known.kind ?? nameKind(known.name), description: null, speakerId: known.id }))
        : (this.mentions.find((m) => m.key === normalizeName(full)) ??
          tracked({ name: full, kind: nameKind(full), description, speakerId: null }));
    } else if (description && !found.description) {
      found.description = description;
    }
    return this.touch(found);
  }

  /** A name seen anywhere (not as a subject): a mention only if it names a person or an organisation. */
  seen(rawName: string): void {
    const name = cleanName(rawName);
    const kind = recognizedKind(name);
    const key = normalizeName(name);
    const known = this.mentions.some((m) => m.words.includes(key) || m.key === key);
    if (!known && (kind === null || (!/\s/u.test(name) && kind !== "person"))) return;
    this.byName(name, null);
  }

  /**
   * The mention a pronoun or role phrase refers to. "he"/"she" → the most recent person, "it" → the
   * most recent organisation; "the spokesman" → the most recent mention described or named by that
   * noun, else (a bare "the noun") the most recent of its kind; an indefinite or specific phrase ("a
   * resident", "the mayor's office", "city officials") is a new source named by the phrase.
   */
  byReference(reference: string): Mention | null {
    const phrase = reference.trim();
    const lower = phrase.toLowerCase();
    if (/^(?:he|she|i)$/u.test(lower)) return this.latestOf("person");
    if (lower === "it") return this.latestOf("organization");
    if (/^(?:they|we)$/u.test(lower)) return this.latest();
    const words = lower.replace(/[’']s$/u, "").split(/\s+/u);
    const noun = words[words.length - 1] as string;
    const kind: Mention["kind"] = ORGANIZATION_NOUNS.has(noun) ? "organization" : "person";
    const determiner = words[0] as string;
    const definite = /^(?:the|its|his|her|their)$/u.test(determiner) && !/[’']s$/u.test(phrase.split(/\s+/u)[0] ?? "");
    if (definite) {
      const named = this.mentions.findLast((m) => m.words.includes(noun) || (m.description ?? "").toLowerCase().includes(noun));
      if (named) return this.touch(named);
      if (words.length === 2) return this.latestOf(kind);
    }
    const name = phrase.replace(/^(?:the|a|an)\s+/iu, "");
    const key = normalizeName(name);
    const existing = this.mentions.find((m) => m.key === key);
    return this.touch(existing ?? tracked({ name, kind, description: null, speakerId: null }));
  }

  private latestOf(kind: Mention["kind"]): Mention | null {
    const found = this.mentions.findLast((m) => m.kind === kind);
    return found ? this.touch(found) : null;
  }

  /** The most recent speaker of any kind (for a quote with no cue). */
  latest(): Mention | null {
    return this.mentions[this.mentions.length - 1] ?? null;
  }

  private touch(mention: Tracked): Tracked {
    const at = this.mentions.indexOf(mention);
    if (at >= 0) this.mentions.splice(at, 1);
    this.mentions.push(mention);
    return mention;
  }
}
