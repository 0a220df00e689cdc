// Sentences around a span, for reviewers: the text of the sentence(s) a span sits in, and the
// sentences before it. Boundaries come from Intl.Segmenter (Unicode's sentence rules, built into
// Node and browsers, any script); a paragraph break always ends a sentence. Only a window of text
// around the span is segmented, so a long article costs no more than a short one. Offsets are
// code points. Pure.

import type { CodePointIndex } from "./code-points";

/** How much text either side of a span is looked at, in code points. */
const WINDOW = 1500;

export interface SpanContext {
  /** From the start of the span's first sentence up to the span (at most `max` code points). */
  before: string;
  /** From the end of the span to the end of its last sentence (at most `max` code points). */
  after: string;
}

interface Sentence {
  start: number;
  end: number;
}

/** The sentences of text[from:to] (code points), as code point ranges of the whole text. */
function sentencesIn(index: CodePointIndex, from: number, to: number): Sentence[] {
  const offset = index.toUtf16(from);
  const text = index.text.slice(offset, index.toUtf16(to));
  const sentences: Sentence[] = [];
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const { index: unit, segment } of segmenter.segment(text)) {
    // A segment may hold several paragraphs' worth of line breaks only at its end; split at "\n" too.
    let start = unit;
    for (const line of segment.split(/(?<=\n)/)) {
      const end = start + line.length;
      sentences.push({ start: index.toCodePoint(offset + start), end: index.toCodePoint(offset + end) });
      start = end;
    }
  }
  return sentences;
}

function containing(sentences: Sentence[], point: number, side: "start" | "end"): number {
  const i = sentences.findIndex((s) => (side === "start" ? s.start <= point && point < s.end : s.start < point && point <= s.end));
  return i < 0 ? (side === "start" ? 0 : sentences.length - 1) : i;
}

/** Text without its surrounding line breaks and spaces. */
function clean(text: string): string {
  return text.replace(/^\s+|\s+$/g, "");
}

/** Takes at most `max` code points, from the end of `text` ("tail") or its start ("head"). */
function clip(text: string, max: number, keep: "head" | "tail"): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return keep === "head" ? `${points.slice(0, max).join("")}…` : `…${points.slice(points.length - max).join("")}`;
}

/** The sentence around the span [start, end): its text before and after the span. */
export function spanContext(index: CodePointIndex, start: number, end: number, max = 300): SpanContext {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(index.length, end + WINDOW);
  const sentences = sentencesIn(index, from, to);
  const first = sentences[containing(sentences, start, "start")] as Sentence;
  const last = sentences[containing(sentences, end, "end")] as Sentence;
  const before = index.slice(Math.max(from, Math.min(first.start, start)), start).replace(/^\s+/, "");
  const after = index.slice(end, Math.min(to, Math.max(last.end, end))).replace(/\s+$/, "");
  return { before: clip(before, max, "tail"), after: clip(after, max, "head") };
}

/**
 * The text of the sentence(s) holding the span and of the `previous` sentences before them: what a
 * reader has just read when they reach the span.
 */
export function sentencesUpTo(index: CodePointIndex, start: number, end: number, previous = 2): { current: string; preceding: string[] } {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(index.length, end + WINDOW);
  const sentences = sentencesIn(index, from, to).filter((s) => clean(index.slice(s.start, s.end)) !== "");
  const firstIndex = containing(sentences, start, "start");
  const lastIndex = Math.max(firstIndex, containing(sentences, end, "end"));
  const current = clean(index.slice((sentences[firstIndex] as Sentence).start, (sentences[lastIndex] as Sentence).end));
  const preceding = sentences.slice(Math.max(0, firstIndex - previous), firstIndex).map((s) => clean(index.slice(s.start, s.end)));
  return { current, preceding };
}
