// The cue table: reporting verbs and phrases that introduce or close a reported statement, and the
// noun phrases that can be their subject (a name, a pronoun, a role noun). Regular-expression source
// fragments, assembled once; English first.

/** Reporting verbs in the forms news uses. Order does not matter: alternatives are longest-first. */
export const CUE_VERBS = [
  "said",
  "says",
  "say",
  "told reporters",
  "told journalists",
  "told the press",
  "told",
  "tells",
  "added",
  "adds",
  "warned",
  "warns",
  "stressed",
  "stresses",
  "noted",
  "notes",
  "explained",
  "explains",
  "argued",
  "argues",
  "claimed",
  "claims",
  "insisted",
  "insists",
  "asked",
  "replied",
  "declared",
  "announced",
  "stated",
  "states",
  "wrote",
  "writes",
  "emphasized",
  "emphasised",
  "acknowledged",
  "admitted",
  "confirmed",
  "recalled",
  "continued",
  "urged",
  "predicted",
  "observed",
  "remarked",
  "suggested",
  "tweeted",
  "posted",
  "commented",
  "conceded",
  "maintained",
  "pointed out",
  "went on",
  "put it",
  "believes",
  "believed",
  "estimated",
  "estimates",
  "complained",
  "promised",
  "vowed",
  "reiterated",
  "cautioned",
  "countered",
] as const;

const byLength = (a: string, b: string) => b.length - a.length;

/** Adverbs between a subject and its cue ("later said", "also warned"), outside the cue span. */
export const CUE_ADVERB = `(?:(?:also|later|then|previously|once|recently|has|had|have|would|will|publicly|repeatedly|officially|again|further)\\s+)`;

/** One cue verb or phrase; the cue span is this, without an adverb before it. */
export const CUE_VERB = `(?:${[...CUE_VERBS]
  .sort(byLength)
  .map((verb) => verb.replace(/ /g, "\\s+"))
  .join("|")})`;

export const PRONOUNS = ["he", "she", "they", "it", "we", "i"] as const;

/** Plural role nouns that name a source without a determiner ("city officials said"). */
export const BARE_PLURAL_ROLES = [
  "officials",
  "organisers",
  "organizers",
  "analysts",
  "economists",
  "residents",
  "experts",
  "researchers",
  "critics",
  "witnesses",
  "sources",
  "police",
] as const;

/** Nouns that name a speaker by role; "the spokesman" refers back to the last fitting mention. */
export const ROLE_NOUNS = [
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "minister",
  "ministry",
  "president",
  "official",
  "analyst",
  "researcher",
  "professor",
  "scientist",
  "chief",
  "director",
  "chairman",
  "chairwoman",
  "chair",
  "executive",
  "ceo",
  "mayor",
  "governor",
  "senator",
  "lawmaker",
  "leader",
  "secretary",
  "ambassador",
  "diplomat",
  "company",
  "firm",
  "agency",
  "government",
  "department",
  "statement",
  "report",
  "commander",
  "general",
  "coach",
  "manager",
  "founder",
  "economist",
  "expert",
  "doctor",
  "judge",
  "prosecutor",
  "lawyer",
  "union",
  "group",
  "organisation",
  "organization",
  "council",
  "committee",
  "bank",
  "woman",
  "man",
  "resident",
  "farmer",
  "engineer",
  "teacher",
  "student",
  "officer",
  "witness",
  "activist",
  "campaigner",
  "owner",
  "author",
  "mother",
  "father",
  "office",
  "association",
  "user",
  "users",
  ...BARE_PLURAL_ROLES,
] as const;

/** Organisation-like role nouns: "it"/"the ministry" refers to an organisation, not a person. */
export const ORGANIZATION_NOUNS = new Set<string>([
  "ministry",
  "company",
  "firm",
  "agency",
  "government",
  "department",
  "police",
  "statement",
  "report",
  "union",
  "group",
  "organisation",
  "organization",
  "council",
  "committee",
  "bank",
  "office",
  "association",
]);

/** Titles and roles written before a name ("Dr Helen Marsh", "ECB President Christine Lagarde"). */
export const TITLES = new Set<string>(
  "dr dr. mr mr. mrs mrs. ms ms. prof prof. professor governor president senator minister chancellor collector chief director mayor judge general captain coach sir dame lord rev rev. architect glaciologist analyst manager chef spokesman spokeswoman secretary ambassador chairman chairwoman chair executive officer senior deputy".split(
    " ",
  ),
);

/** A capitalised name of up to five words, with the particles names carry (de, van, bin, al-). */
export const NAME = `(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:(?:de|da|van|von|der|bin|al|la|le|del|of|for)\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,4})`;

/** "the (Chinese) (foreign) spokesman", "a ministry spokeswoman", "the company's chief executive". */
const ROLE_NOUN = `(?:${[...ROLE_NOUNS].sort(byLength).join("|")})\\b`;
export const ROLE_PHRASE = `(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${ROLE_NOUN}(?:'s|’s)?|\\p{Lu}[\\p{L}]*['’]s\\s+(?:[\\p{Ll}-]+\\s+){0,2}?${ROLE_NOUN}|(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}?(?:${BARE_PLURAL_ROLES.join("|")})\\b)`;

export const PRONOUN = `(?:${PRONOUNS.join("|")})`;
