// Maps between the read-only article editor's positions and code point offsets of the document
// text. The editor renders one paragraph per line of the text (split on "\n"); ProseMirror counts a
// paragraph's open and close tokens as one position each, so a text offset on line i sits i + 1
// positions further on in the editor. This is the only place where editor positions are converted.

import { CodePointIndex } from "./code-points";
import { snapSpan, type TextPosition } from "./quote-selector";

/** Index of the last entry of ascending `sorted` that is <= `value` (0 when none is). */
function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class EditorTextMap {
  readonly index: CodePointIndex;
  /** The text's lines, one editor paragraph each. */
  readonly lines: string[];
  /** UTF-16 offset at which each line starts. */
  private readonly lineStarts: number[];
  /** Editor position at which each paragraph's content starts. */
  private readonly paragraphStarts: number[];

  constructor(text: string) {
    this.index = new CodePointIndex(text);
    this.lines = text.split("\n");
    this.lineStarts = new Array<number>(this.lines.length);
    this.paragraphStarts = new Array<number>(this.lines.length);
    let unit = 0;
    for (let i = 0; i < this.lines.length; i++) {
      this.lineStarts[i] = unit;
      this.paragraphStarts[i] = unit + i + 1;
      unit += (this.lines[i] as string).length + 1;
    }
  }

  get text(): string {
    return this.index.text;
  }

  /** Editor position of code point offset `point` (an offset at a line's end belongs to that line). */
  toEditorPos(point: number): number {
    const unit = this.index.toUtf16(point);
    return unit + lastAtOrBelow(this.lineStarts, unit) + 1;
  }

  /** Editor range covering the span (its end may sit in a later paragraph). */
  toEditorRange(span: TextPosition): { from: number; to: number } {
    return { from: this.toEditorPos(span.start), to: this.toEditorPos(span.end) };
  }

  /**
   * Code point offset of editor position `pos`. A position between two paragraphs (outside any
   * text) maps to the end of the earlier line's text, i.e. onto its "\n".
   */
  fromEditorPos(pos: number, round: "down" | "up" = "down"): number {
    const line = lastAtOrBelow(this.paragraphStarts, pos);
    const paragraphStart = this.paragraphStarts[line] as number;
    const lineLength = (this.lines[line] as string).length;
    const column = Math.min(Math.max(pos - paragraphStart, 0), lineLength);
    return this.index.toCodePoint((this.lineStarts[line] as number) + column, round);
  }

  /**
   * The span an editor selection covers, with whitespace at both ends trimmed and widened to whole
   * characters (grapheme clusters, which the API requires), in code points; null when nothing but
   * whitespace is selected.
   */
  spanFromSelection(from: number, to: number): TextPosition | null {
    if (from === to) return null;
    return snapSpan(this.index, this.fromEditorPos(Math.min(from, to), "down"), this.fromEditorPos(Math.max(from, to), "up"));
  }
}
