// Finds text between quotation marks in the styles news uses, for any script: pairs “…” "…" ‘…’
// '…' «…» „…“ ‹…› 「…」 『…』, nesting, quotes running over paragraphs (each paragraph reopens, only
// the last closes) and apostrophes that are not marks (don't, the ministry’s, ’90s). Works in UTF-16
// indices (the caller converts to code points once); pure.

/** A top-level quotation: `start`/`end` exclude the outer marks. */
export interface QuotedSpan {
  start: number;
  end: number;
  /** Index of the opening mark and of the closing mark. */
  openAt: number;
  closeAt: number;
  /** Number of paragraphs the quotation runs over. */
  paragraphs: number;
}

/** Closing mark for each opening mark. „ closes with “ (German) or ” (Polish, Romanian). */
const CLOSERS: Record<string, readonly string[]> = {
  "“": ["”"],
  '"': ['"'],
  "‘": ["’"],
  "'": ["'"],
  "«": ["»"],
  "„": ["“", "”"],
  "‹": ["›"],
  "「": ["」"],
  "『": ["』"],
  "»": ["«"],
  "”": ["”"],
};

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

/** A single-quote character used as an apostrophe: inside a word, or eliding digits (’90s). */
function isApostrophe(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== "’" && ch !== "'") return false;
  const before = text[i - 1];
  const after = text[i + 1];
  if (isWordChar(before) && isWordChar(after)) return true;
  if (after !== undefined && /\d/.test(after) && (before === undefined || SPACE.test(before))) return true;
  return false;
}

/** Could the mark at `i` open a quotation here? Openers follow a space, a start or an opening punctuation. */
function canOpen(text: string, i: number): boolean {
  const ch = text[i] as string;
  // French sets guillemets off with (no-break) spaces; CJK brackets and „ are directional.
  if (ch === "「" || ch === "『" || ch === "«" || ch === "„" || ch === "‹") return i + 1 < text.length;
  if (ch === "“" || ch === "‘") {
    const after = text[i + 1];
    return after !== undefined && !SPACE.test(after);
  }
  const before = text[i - 1];
  const after = text[i + 1];
  if (after === undefined || SPACE.test(after)) return false;
  return before === undefined || SPACE.test(before) || /[([{\u2014\u2013\-:/«“‘"']/u.test(before);
}

function canClose(text: string, i: number): boolean {
  const before = text[i - 1];
  if (text[i] === "»" || text[i] === "›" || text[i] === "」" || text[i] === "』") return true;
  return before !== undefined && !SPACE.test(before);
}

/** Without the spaces French puts inside guillemets. */
function trimmed(text: string, span: QuotedSpan): QuotedSpan {
  let { start, end } = span;
  while (start < end && SPACE.test(text[start] as string)) start++;
  while (end > start && SPACE.test(text[end - 1] as string)) end--;
  return { ...span, start, end };
}

interface OpenMark {
  mark: string;
  /** Index just after the opening mark of the first paragraph. */
  start: number;
  paragraphs: number;
}

/**
 * Top-level quotations of `text`, in order. An unclosed quotation at a paragraph end continues when
 * the next paragraph opens with the same mark; otherwise it is dropped (a stray mark).
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: OpenMark[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") {
      const outer = stack[0];
      if (outer === undefined) continue;
      // Skip blank lines, then look for the same opening mark at the next paragraph's start.
      let j = i;
      while (j < text.length && SPACE.test(text[j] as string)) j++;
      if (text[j] === outer.mark) {
        stack.length = 1;
        outer.paragraphs++;
        i = j;
        continue;
      }
      stack.length = 0;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top !== undefined && CLOSERS[top.mark]?.includes(ch) && canClose(text, i) && !isApostrophe(text, i)) {
      stack.pop();
      if (stack.length === 0)
        spans.push(trimmed(text, { start: top.start, end: i, openAt: top.start - 1, closeAt: i, paragraphs: top.paragraphs }));
      continue;
    }
    if (CLOSERS[ch] === undefined || isApostrophe(text, i) || !canOpen(text, i)) continue;
    // ” and » open only in the styles that use them reversed (Swedish ”…”, Danish »…«), i.e. at the start.
    if ((ch === "”" || ch === "»") && stack.length > 0) continue;
    if (stack.length > 0 && stack.some((open) => open.mark === ch)) continue;
    stack.push({ mark: ch, start: i + 1, paragraphs: 1 });
  }
  return spans;
}
