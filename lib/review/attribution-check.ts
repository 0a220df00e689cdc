// A reviewer's hint, never a block: an annotation is a likely misattribution when its speaker's
// name, aliases and surname appear nowhere in the span's sentence or the two before it, and that
// sentence has no pronoun or title that could refer to a speaker ("he said", "the spokesman
// said"). Pure: the sentences come from lib/text/sentences.ts.

/** Words that can stand for a person or organisation already named. */
const PRONOUNS = ["he", "she", "they", "him", "her", "them", "his", "hers", "their", "it", "its", "we", "our", "i", "my"];

/** Role nouns a report uses for someone named earlier ("the spokesman said"). */
const TITLES = [
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "minister",
  "ministry",
  "secretary",
  "president",
  "premier",
  "chancellor",
  "prime minister",
  "official",
  "officials",
  "analyst",
  "expert",
  "professor",
  "researcher",
  "director",
  "chief",
  "chairman",
  "chairwoman",
  "chair",
  "ceo",
  "founder",
  "senator",
  "governor",
  "mayor",
  "ambassador",
  "general",
  "commander",
  "lawyer",
  "attorney",
  "judge",
  "police",
  "government",
  "agency",
  "department",
  "company",
  "firm",
  "group",
  "party",
  "office",
  "foreign ministry",
  "embassy",
  "committee",
  "council",
  "organisation",
  "organization",
  "union",
  "authorities",
  "source",
  "sources",
  "lawmaker",
  "diplomat",
  "leader",
  "representative",
  "statement",
  "report",
];

export interface AttributionInput {
  speaker: { name: string; aliases: readonly string[] } | null;
  /** The sentence(s) holding the span. */
  current: string;
  /** The span's own text: a pronoun inside a quote ("It is a highland…") refers to nobody here. */
  exact?: string;
  /** The (up to two) sentences before them. */
  preceding: readonly string[];
}

export interface AttributionHint {
  reason: string;
}

/** Lower case, without diacritics, punctuation turned into spaces: "Mínier's" → "minier s". */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** The names to look for: the name, its aliases and the surname-like tokens of multi-word ones. */
export function namesToFind(speaker: { name: string; aliases: readonly string[] }): string[] {
  const names = new Set<string>();
  for (const full of [speaker.name, ...speaker.aliases]) {
    const folded = foldForMatching(full).trim();
    if (!folded) continue;
    names.add(folded);
    const tokens = folded.split(" ");
    // "Zhao Lijian" → "zhao" and "lijian"; "Jiro Minier" → "minier". Initials ("j") are too weak.
    if (tokens.length > 1) for (const token of [tokens[0], tokens.at(-1)]) if (token && token.length > 1) names.add(token);
  }
  // A name in a script written without spaces (赵立坚) is looked for as a substring.
  return [...names];
}

function mentions(haystack: string, name: string): boolean {
  const folded = foldForMatching(haystack);
  if (/^[\p{L}\p{N} ]+$/u.test(name) && /[a-z0-9]/.test(name)) return folded.includes(` ${name} `);
  return folded.includes(name);
}

function refersBack(sentence: string): boolean {
  const folded = foldForMatching(sentence);
  return PRONOUNS.some((p) => folded.includes(` ${p} `)) || TITLES.some((t) => folded.includes(` ${t} `));
}

export function attributionHint({ speaker, current, exact, preceding }: AttributionInput): AttributionHint | null {
  if (!speaker) return null;
  const names = namesToFind(speaker);
  const nearby = [current, ...preceding];
  if (names.some((name) => nearby.some((sentence) => mentions(sentence, name)))) return null;
  if (refersBack(exact ? current.replace(exact, " ") : current)) return null;
  return {
    reason: `“${speaker.name}” is not named in this sentence or the two before it, and no pronoun or title here refers to a speaker.`,
  };
}
