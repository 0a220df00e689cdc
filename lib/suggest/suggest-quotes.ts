// Suggested quotes and speakers: direct quotes between marks, indirect and mixed quotes introduced by
// a cue, the cue span, and the speaker each points to. Pure (no database, no DOM); all offsets in the
// result are Unicode code points (lib/text/code-points.ts), the rules work in UTF-16 internally.

import { CodePointIndex } from "../text/code-points";
import { CUE_ADVERB, CUE_VERB, NAME, PRONOUN, ROLE_PHRASE } from "./cues";
import { cleanName, MentionTracker, type KnownSpeaker, type Mention } from "./speaker-mentions";
import { findQuotedSpans, type QuotedSpan } from "./quote-marks";

export type { KnownSpeaker } from "./speaker-mentions";

/** The rule that found a suggestion: evaluated separately (bench/suggest-eval.ts). */
export const SUGGEST_RULES = ["direct-cue", "direct-no-cue", "indirect-that", "indirect-according-to", "indirect-trailing"] as const;
export type SuggestRule = (typeof SUGGEST_RULES)[number];

export type SuggestedSpeaker = { id: string } | { newName: string; description: string | null };

export interface Suggestion {
  label: "quote";
  quoteKind: "direct" | "indirect" | "mixed";
  start: number;
  end: number;
  cueStart: number | null;
  cueEnd: number | null;
  speaker: SuggestedSpeaker | null;
  confidence: number;
  rule: SuggestRule;
}

interface Span {
  start: number;
  end: number;
}

interface Attribution {
  cue: Span | null;
  mention: Mention | null;
}

// A subject: a role phrase, a pronoun or a name, with an optional appositive after a name.
const SUBJECT = `(?<role>${ROLE_PHRASE})|(?<pronoun>\\b${PRONOUN}\\b)|(?:[Tt]he\\s+)?(?<name>${NAME})(?:\\s*\\(\\p{Lu}{2,}\\))?(?:,\\s+(?<appositive>(?:the|a|an|who|which)\\s[^,.;“"”]{3,120}?|\\p{Ll}[^,.;“"”]{3,120}?(?=[.;]|$))(?:,|(?=[.;]|$)))?`;
/** Lower-case words before a name in an anchored position ("manager Steve Doyle said"). */
const LEAD_IN = `(?:\\p{Ll}[\\p{L}'’-]*\\s+(?:(?:at|of|from|for)\\s+(?:the\\s+)?)?){0,3}?`;
const CAP_SUBJECT = SUBJECT.replace(
  /\(\?:the\|a\|an\|one\|another\|its\|his\|her\|their\)/u,
  "(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)",
).replace(`\\b${PRONOUN}\\b`, `\\b(?:${PRONOUN}|He|She|They|It|We|I)\\b`);
const subjectRe = (groupSuffix: string) => CAP_SUBJECT.replace(/\?<(role|pronoun|name|appositive)>/gu, `?<$1${groupSuffix}>`);

/** After a closing mark: `,” said Zhao.` / `,” Zhao said.` / `,” said Jiro Minier, an analyst.` */
const AFTER_QUOTE = new RegExp(
  `^[\\s,]*(?:(?<cue1>${CUE_VERB})\\s+(?:${subjectRe("1")})|${LEAD_IN}(?:${subjectRe("2")})\\s+${CUE_ADVERB}?(?<cue2>${CUE_VERB}))`,
  "u",
);
/** Before an opening mark: `Zhao said: “` / `As the minister put it, “` / `said Zhao: “`. */
const BEFORE_QUOTE = new RegExp(
  `(?:(?:${subjectRe("1")}),?\\s+${CUE_ADVERB}?(?<cue1>${CUE_VERB})(?:\\s+(?:reporters|journalists|the\\s+\\p{Lu}\\S*|[\\p{L}]+ly))?|(?<cue2>${CUE_VERB})\\s+(?:${subjectRe("2")}))\\s*[,:]?\\s*$`,
  "u",
);
/** `X said (on Monday, in a statement) that …`, `X told reporters …`, `X warned …`. */
const CUE_THAT = new RegExp(
  `(?:${subjectRe("1")})\\s+${CUE_ADVERB}?(?<cue1>${CUE_VERB})(?:(?:\\s+[^,.;“"”]{1,40}?)?\\s+(?<that>that)\\s+|(?:\\s+(?:reporters|journalists|[\\p{L}]+ly|(?:on|in|at|during|after|last)\\s+\\p{Lu}[\\p{L}]*))?\\s+)`,
  "gu",
);
const ACCORDING_TO = new RegExp(`(?<cue1>[Aa]ccording\\s+to)\\s+(?:${subjectRe("1")})\\s*,\\s+`, "gu");
const TRAILING = new RegExp(
  `,\\s+(?:(?<cue1>${CUE_VERB})\\s+(?:${subjectRe("1")})|${LEAD_IN}(?:${subjectRe("2")})\\s+${CUE_ADVERB}?(?<cue2>${CUE_VERB})|(?<cue3>according\\s+to)\\s+(?:${subjectRe("3")}))(?:\\s+(?:on|in|at|last|this|late|early)\\s+[^,.;]{1,40})?\\s*[.!?]?\\s*$`,
  "u",
);

/** "Zhao Lijian, the speaker of the Chinese Foreign Ministry," anywhere: a mention with its description. */
const APPOSITIVE_MENTION = new RegExp(`(?<name>${NAME}),\\s+(?<appositive>(?:the|a|an|who)\\s[^,.;“"”]{3,120}?),`, "gu");

const NAME_ANYWHERE = new RegExp(NAME, "gu");
const ANY_CUE = new RegExp(`\\b(?:${CUE_VERB}|[Aa]ccording\\s+to)\\b`, "u");

/** Verbs that take a reported clause without "that" ("Zhao said the talks failed"). */
const BARE_CLAUSE_VERB =
  /^(?:said|says|told\s+reporters|told\s+journalists|warned|warns|believes|believed|added|argued|claimed|insisted|noted|stressed|admitted|acknowledged|predicted|thinks|estimated|conceded)$/u;

const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N)|\b\p{Lu})$/u;

/** Sentences of `text` as UTF-16 ranges; never split inside a quotation or after an abbreviation. */
export function splitSentences(text: string, quotes: readonly QuotedSpan[]): Span[] {
  const sentences: Span[] = [];
  let start = 0;
  let q = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/u.test(text[s] as string)) s++;
    if (s < end) sentences.push({ start: s, end });
  };
  for (let i = 0; i < text.length; i++) {
    while (q < quotes.length && (quotes[q] as QuotedSpan).closeAt < i) q++;
    const insideQuote = q < quotes.length && (quotes[q] as QuotedSpan).openAt < i && i < (quotes[q] as QuotedSpan).closeAt;
    const ch = text[i] as string;
    if (ch === "\n" && !insideQuote) {
      push(i);
      start = i + 1;
      continue;
    }
    if (insideQuote || !/[.!?。！？]/u.test(ch)) continue;
    let j = i + 1;
    while (j < text.length && /[”"’'»」』)]/u.test(text[j] as string)) j++;
    const cjk = /[。！？]/u.test(ch);
    if (!cjk && (j >= text.length || !/\s/u.test(text[j] as string))) continue;
    let k = j;
    while (k < text.length && /[ \t]/u.test(text[k] as string)) k++;
    if (!cjk && k < text.length && !/[\p{Lu}\p{N}“"‘'«„‹「『\n]/u.test(text[k] as string)) continue;
    if (ch === "." && ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i))) continue;
    push(j);
    start = j;
  }
  push(text.length);
  return sentences;
}

function sentenceAt(sentences: readonly Span[], index: number): Span {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((sentences[mid] as Span).start <= index) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: 0 };
}

/** A quotation long enough to be a quote rather than a scare-quoted term: three words, or four CJK characters. */
function isQuoteSized(text: string, span: QuotedSpan): boolean {
  const inner = text.slice(span.start, span.end).trim();
  if (/\s\S+\s+\S/u.test(inner)) return true;
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(inner) && [...inner].length >= 4;
}

type Groups = Record<string, string | undefined>;

/** The mention named by a subject match (`suffix` picks the alternative that matched). */
function resolveSubject(groups: Groups, suffix: string, mentions: MentionTracker): Mention | null {
  const name = groups[`name${suffix}`];
  if (name !== undefined) return mentions.byName(name, groups[`appositive${suffix}`]?.trim() ?? null);
  const reference = groups[`role${suffix}`] ?? groups[`pronoun${suffix}`];
  return reference === undefined ? null : mentions.byReference(reference);
}

/** Where group `name` of a match lies, in `text` (match taken on text.slice(offset)). */
function groupSpan(match: RegExpExecArray, name: string, offset: number): Span | null {
  const indices = match.indices?.groups?.[name];
  return indices ? { start: offset + indices[0], end: offset + indices[1] } : null;
}

function firstSuffix(groups: Groups, suffixes: readonly string[]): string {
  return suffixes.find((s) => groups[`cue${s}`] !== undefined) ?? (suffixes[0] as string);
}

function withIndices(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes("d") ? re.flags : `${re.flags}d`);
}
const AFTER_QUOTE_D = withIndices(AFTER_QUOTE);
const BEFORE_QUOTE_D = withIndices(BEFORE_QUOTE);
const CUE_THAT_D = withIndices(CUE_THAT);
const ACCORDING_TO_D = withIndices(ACCORDING_TO);
const TRAILING_D = withIndices(TRAILING);

function attributeDirect(text: string, quote: QuotedSpan, sentences: readonly Span[], mentions: MentionTracker): Attribution {
  const closing = sentenceAt(sentences, quote.closeAt);
  const afterStart = quote.closeAt + 1;
  const tail = text.slice(afterStart, Math.min(closing.end, afterStart + 200));
  const after = /^[\s,]*[\p{Ll}]/u.test(tail) || /^[\s,]*\p{Lu}/u.test(tail) ? AFTER_QUOTE_D.exec(tail) : null;
  if (after?.groups) {
    const suffix = firstSuffix(after.groups, ["1", "2"]);
    return { cue: groupSpan(after, `cue${suffix}`, afterStart), mention: resolveSubject(after.groups, suffix, mentions) };
  }
  const opening = sentenceAt(sentences, quote.openAt);
  const headStart = Math.max(opening.start, quote.openAt - 200);
  const head = text.slice(headStart, quote.openAt);
  const before = BEFORE_QUOTE_D.exec(head);
  if (before?.groups) {
    const suffix = firstSuffix(before.groups, ["1", "2"]);
    return { cue: groupSpan(before, `cue${suffix}`, headStart), mention: resolveSubject(before.groups, suffix, mentions) };
  }
  return { cue: null, mention: mentions.latest() };
}

interface Found {
  kind: Suggestion["quoteKind"];
  span: Span;
  attribution: Attribution;
  rule: SuggestRule;
}

/** End of a reported clause: the sentence end without its final punctuation and spaces. */
function clauseEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.!?;:]/u.test(text[e - 1] as string)) e--;
  return e;
}

/** Does a clause share text with a quotation (marks included)? */
function overlaps(span: Span, quote: QuotedSpan): boolean {
  return quote.openAt < span.end && quote.closeAt >= span.start;
}

/** Indirect and mixed quotes of one sentence, with the quotations they take over. */
function findReported(text: string, sentence: Span, quotes: readonly QuotedSpan[], mentions: MentionTracker): Found[] {
  const slice = text.slice(sentence.start, sentence.end);
  const found: Found[] = [];
  // Most sentences have no cue at all: one cheap test spares them the subject patterns.
  if (!ANY_CUE.test(slice)) return found;
  const outsideQuotes = (i: number) => !quotes.some((q) => q.openAt <= i && i <= q.closeAt);
  const clause = (start: number, end: number, attribution: Attribution, rule: SuggestRule) => {
    let s = start;
    while (s < end && /\s/u.test(text[s] as string)) s++;
    const e = clauseEnd(text, s, end);
    const span = { start: s, end: e };
    if (e - s < 12 || !/\s/u.test(text.slice(s, e))) return;
    const inside = quotes.filter((q) => overlaps(span, q));
    // A clause that is exactly one quotation is that direct quote, attributed before its mark.
    if (inside.length === 1 && (inside[0] as QuotedSpan).openAt <= s && (inside[0] as QuotedSpan).closeAt + 1 >= e) return;
    found.push({ kind: inside.length > 0 ? "mixed" : "indirect", span, attribution, rule });
  };

  ACCORDING_TO_D.lastIndex = 0;
  for (let m = ACCORDING_TO_D.exec(slice); m; m = ACCORDING_TO_D.exec(slice)) {
    if (!outsideQuotes(sentence.start + m.index) || !m.groups) continue;
    // "According to X, …" opens the sentence (or a clause after a comma).
    if (!/^(?:[\s,]*|.*,\s*)$/u.test(slice.slice(0, m.index))) continue;
    const attribution = { cue: groupSpan(m, "cue1", sentence.start), mention: resolveSubject(m.groups, "1", mentions) };
    clause(sentence.start + m.index + m[0].length, sentence.end, attribution, "indirect-according-to");
    return found;
  }

  CUE_THAT_D.lastIndex = 0;
  for (let m = CUE_THAT_D.exec(slice); m; m = CUE_THAT_D.exec(slice)) {
    if (!m.groups || !outsideQuotes(sentence.start + m.index)) continue;
    const verb = m.groups.cue1 ?? "";
    if (m.groups.that === undefined && !BARE_CLAUSE_VERB.test(verb.replace(/\s+/gu, " "))) continue;
    const rest = slice.slice(m.index + m[0].length);
    // Followed directly by a quotation: a direct quote with its cue before it, handled there.
    if (m.groups.that === undefined && /^[“"‘'«„‹「『]/u.test(rest)) continue;
    if (
      m.groups.that === undefined &&
      /^(?:on|in|at|to|for|by|with|so|nothing|goodbye|yes|no|outside|inside|after|before|during|from|as|when|while|about|of|into|over|through)\b/u.test(
        rest,
      )
    )
      continue;
    const attribution = { cue: groupSpan(m, "cue1", sentence.start), mention: resolveSubject(m.groups, "1", mentions) };
    clause(sentence.start + m.index + m[0].length, sentence.end, attribution, "indirect-that");
    return found;
  }

  const trailing = TRAILING_D.exec(slice);
  if (trailing?.groups && outsideQuotes(sentence.start + trailing.index)) {
    const suffix = firstSuffix(trailing.groups, ["1", "2", "3"]);
    const attribution = {
      cue: groupSpan(trailing, `cue${suffix}`, sentence.start),
      mention: resolveSubject(trailing.groups, suffix, mentions),
    };
    const at = sentence.start + trailing.index;
    const before = quotes.find((q) => q.closeAt >= at - 2 && q.closeAt <= at + 1);
    if (!before) clause(sentence.start, sentence.start + trailing.index, attribution, "indirect-trailing");
  }
  return found;
}

function confidenceOf(rule: SuggestRule, attribution: Attribution): number {
  const base = { "direct-cue": 0.9, "direct-no-cue": 0.7, "indirect-that": 0.75, "indirect-according-to": 0.75, "indirect-trailing": 0.6 }[
    rule
  ];
  return attribution.mention ? base : base - 0.3;
}

/** Suggested quotes of `text`, in document order, attributed to `speakers` of the project or to new ones. */
export function suggestQuotes(text: string, speakers: readonly KnownSpeaker[] = []): Suggestion[] {
  const allQuotes = findQuotedSpans(text);
  const sentences = splitSentences(text, allQuotes);
  const mentions = new MentionTracker(speakers, text);
  const found: Found[] = [];
  const taken = new Set<QuotedSpan>();
  let q = 0;
  for (const sentence of sentences) {
    const inSentence: QuotedSpan[] = [];
    while (q < allQuotes.length && (allQuotes[q] as QuotedSpan).openAt < sentence.end) inSentence.push(allQuotes[q++] as QuotedSpan);
    APPOSITIVE_MENTION.lastIndex = 0;
    const slice = text.slice(sentence.start, sentence.end);
    for (let m = APPOSITIVE_MENTION.exec(slice); m; m = APPOSITIVE_MENTION.exec(slice)) {
      if (m.groups?.name && /\s/u.test(cleanName(m.groups.name))) mentions.byName(m.groups.name, m.groups.appositive ?? null);
    }
    const before = found.length;
    const reported = findReported(text, sentence, inSentence, mentions);
    for (const r of reported) {
      for (const quote of inSentence) if (overlaps(r.span, quote)) taken.add(quote);
      found.push(r);
    }
    for (const quote of inSentence) {
      if (taken.has(quote) || !isQuoteSized(text, quote)) continue;
      const attribution = attributeDirect(text, quote, sentences, mentions);
      found.push({ kind: "direct", span: quote, attribution, rule: attribution.cue ? "direct-cue" : "direct-no-cue" });
    }
    // Names outside quotations are the "most recent mentions" later pronouns and role nouns refer to,
    // except in a sentence that attributed something: its speaker stays the most recent.
    if (found.slice(before).some((f) => f.attribution.cue !== null)) continue;
    NAME_ANYWHERE.lastIndex = 0;
    for (let m = NAME_ANYWHERE.exec(slice); m; m = NAME_ANYWHERE.exec(slice)) {
      const at = sentence.start + m.index;
      if (!inSentence.some((quote) => quote.openAt <= at && at <= quote.closeAt)) mentions.seen(m[0]);
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  const index = new CodePointIndex(text);
  return found.map(({ kind, span, attribution, rule }) => {
    const mention = attribution.mention;
    return {
      label: "quote",
      quoteKind: kind,
      start: index.toCodePoint(span.start),
      end: index.toCodePoint(span.end),
      cueStart: attribution.cue ? index.toCodePoint(attribution.cue.start) : null,
      cueEnd: attribution.cue ? index.toCodePoint(attribution.cue.end) : null,
      speaker:
        mention === null
          ? null
          : mention.speakerId !== null
            ? { id: mention.speakerId }
            : { newName: mention.name, description: mention.description },
      confidence: confidenceOf(rule, attribution),
      rule,
    };
  });
}
