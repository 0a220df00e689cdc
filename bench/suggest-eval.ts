// Evaluation of suggested quotes and speakers (lib/suggest) against the hand-written gold set in
// bench/suggest-gold/: per rule and overall precision, recall and F1 of quote spans (exact and
// overlap-matched, the agreement module's one-to-one matching), cue F1 (exact spans), speaker
// accuracy on matched quotes, and the time for a 100,000-word article. Pure computation, no server.
//   node --import tsx bench/suggest-eval.ts [--verbose]

import fs from "node:fs";
import path from "node:path";
import { matchSpans, type MatchableSpan } from "../lib/agreement/span-matching";
import { suggestQuotes, SUGGEST_RULES, type Suggestion } from "../lib/suggest/suggest-quotes";
import { normalizeName } from "../lib/suggest/speaker-mentions";
import { codePointLength, sliceCodePoints } from "../lib/text/code-points";
import { longRead, machine, median } from "./lib";

const GOLD_DIR = path.join(import.meta.dirname, "suggest-gold");
const VERBOSE = process.argv.includes("--verbose");

interface GoldEntry {
  exact: string;
  kind: "direct" | "indirect" | "mixed";
  cue: string | null;
  speaker: string;
}

interface GoldQuote extends MatchableSpan {
  kind: GoldEntry["kind"];
  cueStart: number | null;
  cueEnd: number | null;
  speaker: string;
}

/** Code point offset of the only occurrence of `needle` in `text` (gold must be unambiguous). */
function uniqueOffset(text: string, needle: string, file: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`${file}: "${needle.slice(0, 40)}…" must occur exactly once`);
  return codePointLength(text.slice(0, at));
}

/** The occurrence of the cue nearest to the quote (gold names a cue by its text). */
function nearestCue(text: string, cue: string, start: number, end: number): [number, number] {
  let best: [number, number] | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
    const s = codePointLength(text.slice(0, at));
    const e = s + codePointLength(cue);
    const distance = e <= start ? start - e : s >= end ? s - end : 0;
    if (distance < bestDistance) [best, bestDistance] = [[s, e], distance];
  }
  if (!best) throw new Error(`cue "${cue}" not in text`);
  return best;
}

function loadGold(): Array<{ name: string; text: string; quotes: GoldQuote[] }> {
  return fs
    .readdirSync(GOLD_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(GOLD_DIR, file.replace(/\.json$/u, ".txt")), "utf8");
      const entries = (JSON.parse(fs.readFileSync(path.join(GOLD_DIR, file), "utf8")) as { quotes: GoldEntry[] }).quotes;
      const quotes = entries.map((entry): GoldQuote => {
        const start = uniqueOffset(text, entry.exact, file);
        const end = start + codePointLength(entry.exact);
        const cue = entry.cue === null ? null : nearestCue(text, entry.cue, start, end);
        return {
          start,
          end,
          label: "quote",
          speakerId: null,
          kind: entry.kind,
          cueStart: cue?.[0] ?? null,
          cueEnd: cue?.[1] ?? null,
          speaker: entry.speaker,
        };
      });
      return { name: file.replace(/\.json$/u, ""), text, quotes };
    });
}

const speakerKey = (name: string) => normalizeName(name).replace(/^(?:the|a|an) /u, "");
const speakerName = (s: Suggestion) => (s.speaker === null ? "" : "id" in s.speaker ? s.speaker.id : s.speaker.newName);

interface Count {
  gold: number;
  predicted: number;
  matched: number;
}
const count = (): Count => ({ gold: 0, predicted: 0, matched: 0 });
const f = (x: number | null) => (x === null ? "  –  " : x.toFixed(3));
function scores({ gold, predicted, matched }: Count): string {
  const p = predicted ? matched / predicted : null;
  const r = gold ? matched / gold : null;
  const f1 = gold + predicted ? (2 * matched) / (gold + predicted) : null;
  return `P ${f(p)}  R ${f(r)}  F1 ${f(f1)}  (${matched} matched, ${gold} gold, ${predicted} suggested)`;
}

const articles = loadGold();
const exact = { all: count(), direct: count(), indirect: count(), mixed: count() };
const overlap = { all: count(), direct: count(), indirect: count(), mixed: count() };
const byRule = Object.fromEntries(SUGGEST_RULES.map((rule) => [rule, { predicted: 0, exact: 0, overlap: 0 }]));
const cues = count();
let speakerRight = 0;
let speakerTotal = 0;

for (const article of articles) {
  const predicted = suggestQuotes(article.text);
  const spans: MatchableSpan[] = predicted.map((s) => ({ start: s.start, end: s.end, label: "quote", speakerId: null }));
  for (const [mode, tally] of [
    ["exact", exact],
    ["overlap", overlap],
  ] as const) {
    const pairs = matchSpans(article.quotes, spans, mode);
    tally.all.gold += article.quotes.length;
    tally.all.predicted += predicted.length;
    tally.all.matched += pairs.length;
    for (const kind of ["direct", "indirect", "mixed"] as const) {
      const g = article.quotes.filter((q) => q.kind === kind);
      const p = spans.filter((_, i) => predicted[i]?.quoteKind === kind);
      tally[kind].gold += g.length;
      tally[kind].predicted += p.length;
      tally[kind].matched += matchSpans(g, p, mode).length;
    }
    for (const [, b] of pairs) byRule[(predicted[b] as Suggestion).rule]![mode]++;
    if (mode === "overlap") {
      for (const [a, b] of pairs) {
        const gold = article.quotes[a] as GoldQuote;
        const suggestion = predicted[b] as Suggestion;
        speakerTotal++;
        const right = speakerKey(gold.speaker) === speakerKey(speakerName(suggestion));
        if (right) speakerRight++;
        if (VERBOSE && !right) console.log(`  speaker ${article.name}: gold "${gold.speaker}", got "${speakerName(suggestion)}"`);
      }
      const matchedGold = new Set(pairs.map(([a]) => a));
      const matchedPredicted = new Set(pairs.map(([, b]) => b));
      if (VERBOSE) {
        article.quotes.forEach(
          (q, i) =>
            matchedGold.has(i) ||
            console.log(`  missed ${article.name}: ${JSON.stringify(sliceCodePoints(article.text, q.start, q.end).slice(0, 80))}`),
        );
        predicted.forEach(
          (s, i) =>
            matchedPredicted.has(i) ||
            console.log(
              `  extra  ${article.name} [${s.rule}]: ${JSON.stringify(sliceCodePoints(article.text, s.start, s.end).slice(0, 80))}`,
            ),
        );
      }
    }
  }
  for (const s of predicted) byRule[s.rule]!.predicted++;
  const goldCues = article.quotes.filter((q) => q.cueStart !== null);
  const predictedCues = predicted.filter((s) => s.cueStart !== null);
  const cueKeys = new Set(goldCues.map((q) => `${q.cueStart}:${q.cueEnd}`));
  cues.gold += goldCues.length;
  cues.predicted += new Set(predictedCues.map((s) => `${s.cueStart}:${s.cueEnd}`)).size;
  cues.matched += [...new Set(predictedCues.map((s) => `${s.cueStart}:${s.cueEnd}`))].filter((key) => cueKeys.has(key)).length;
  if (VERBOSE) {
    const predictedKeys = new Set(predictedCues.map((s) => `${s.cueStart}:${s.cueEnd}`));
    for (const q of goldCues)
      if (!predictedKeys.has(`${q.cueStart}:${q.cueEnd}`))
        console.log(`  cue missed ${article.name}: ${sliceCodePoints(article.text, q.cueStart!, q.cueEnd!)}`);
  }
}
// Gold cues are deduplicated the same way: two quotes may share one cue ("…,” he said, “…”).
cues.gold = articles.reduce(
  (n, a) => n + new Set(a.quotes.filter((q) => q.cueStart !== null).map((q) => `${q.cueStart}:${q.cueEnd}`)).size,
  0,
);

console.log(`Suggested quotes and speakers: ${articles.length} articles, ${exact.all.gold} gold quotes (${machine()})\n`);
for (const mode of ["exact", "overlap"] as const) {
  const tally = mode === "exact" ? exact : overlap;
  console.log(`Quote spans, ${mode} match:`);
  for (const key of ["all", "direct", "indirect", "mixed"] as const) console.log(`  ${key.padEnd(9)} ${scores(tally[key])}`);
}
console.log("\nPer rule (precision of what each rule suggests):");
for (const [rule, r] of Object.entries(byRule)) {
  console.log(
    `  ${rule.padEnd(22)} ${String(r.predicted).padStart(3)} suggested  exact P ${f(r.predicted ? r.exact / r.predicted : null)}  overlap P ${f(r.predicted ? r.overlap / r.predicted : null)}`,
  );
}
console.log(`\nCue spans (exact):            ${scores(cues)}`);
console.log(
  `Speaker accuracy (overlap-matched quotes): ${f(speakerTotal ? speakerRight / speakerTotal : null)} (${speakerRight}/${speakerTotal})`,
);

// Speed: the gold articles repeated into one article of ≥ 100,000 words.
const { text: bigText, words } = longRead(articles.flatMap((a) => a.text.split("\n")));
const times: number[] = [];
let found = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  found = suggestQuotes(bigText).length;
  times.push(performance.now() - started);
}
console.log(`\n100,000-word article (${words} words, ${found} suggestions): median ${(median(times) / 1000).toFixed(2)} s of 3 runs`);
