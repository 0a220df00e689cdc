// Highlights as ProseMirror decorations. Each highlight becomes one inline decoration per
// paragraph it covers — what ProseMirror would cut it into when drawing anyway — so that no
// decoration sits at the top of the set, where ProseMirror would scan it again for every paragraph
// on every redraw. A decoration carries the highlight's id (and label, for styling), nothing else —
// but a suggestion's last piece also carries the name of the speaker it proposes, shown after it.

import type { Node } from "@tiptap/pm/model";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Label } from "@/lib/model/vocabulary";

export interface Highlight {
  id: string;
  label: Label;
  /** Editor positions (see lib/text/editor-map.ts). */
  from: number;
  to: number;
  /** Not yet saved: drawn with a dashed outline. */
  draft?: boolean;
  selected?: boolean;
  /** A suggestion, not an annotation: drawn as a ghost, the proposed speaker's name ("" for none) after it. */
  suggestion?: { speaker: string };
}

export function sameHighlight(a: Highlight, b: Highlight): boolean {
  return (
    a.id === b.id &&
    a.label === b.label &&
    a.from === b.from &&
    a.to === b.to &&
    !a.draft === !b.draft &&
    !a.selected === !b.selected &&
    a.suggestion?.speaker === b.suggestion?.speaker
  );
}

/** The article's paragraphs (the document's children) by position; the article never changes. */
class Paragraphs {
  /** Position before each paragraph. */
  readonly offsets: number[] = [];
  constructor(readonly doc: Node) {
    doc.forEach((_child, offset) => this.offsets.push(offset));
  }

  /** Index of the last paragraph starting at or before position `pos`. */
  at(pos: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.offsets[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Calls `f` with each paragraph's part of [from, to): its index and the part's positions in the document. */
  cut(from: number, to: number, f: (index: number, from: number, to: number) => void): void {
    for (let i = this.at(from); i < this.offsets.length; i++) {
      const offset = this.offsets[i] as number;
      if (offset >= to) break;
      const contentStart = offset + 1;
      const contentEnd = contentStart + this.doc.child(i).content.size;
      const start = Math.max(from, contentStart);
      const end = Math.min(to, contentEnd);
      if (start < end) f(i, start, end);
    }
  }
}

const paragraphsOf = new WeakMap<Node, Paragraphs>();
function paragraphs(doc: Node): Paragraphs {
  let found = paragraphsOf.get(doc);
  if (!found) paragraphsOf.set(doc, (found = new Paragraphs(doc)));
  return found;
}

function attributes(highlight: Highlight): Record<string, string> {
  // A suggestion: <hl-suggestion>, with its own id attribute, so that nothing taking annotations
  // from the article's elements takes it for one.
  if (highlight.suggestion) {
    const attrs: Record<string, string> = { nodeName: "hl-suggestion", "data-suggestion-id": highlight.id };
    if (highlight.selected) attrs.class = "hl-selected";
    return attrs;
  }
  // Each annotation gets its own element — without nodeName ProseMirror would merge overlapping
  // decorations into one span and the inner annotation's id would overwrite the outer one's — and
  // that element says what it is by its name (<hl-claim>, <hl-quote>: custom element names, inline
  // and without meaning of their own). A long article draws 150,000 of these elements and
  // ProseMirror sets their classes and attributes one by one: the id alone costs a third of what
  // a class and the id did. Only the selected and the unsaved highlight carry a class.
  const attrs: Record<string, string> = { nodeName: `hl-${highlight.label}`, "data-annotation-id": highlight.id };
  if (highlight.selected || highlight.draft) {
    attrs.class = [highlight.selected && "hl-selected", highlight.draft && "hl-draft"].filter(Boolean).join(" ");
  }
  return attrs;
}

/** The attributes of the highlight's piece ending at `to`: a suggestion's last piece names its speaker. */
function attributesOf(highlight: Highlight): (to: number) => Record<string, string> {
  const attrs = attributes(highlight);
  const speaker = highlight.suggestion?.speaker;
  if (!speaker) return () => attrs;
  const last = { ...attrs, "data-speaker": speaker };
  return (to) => (to === highlight.to ? last : attrs);
}

/** The highlight's decorations, one per paragraph, in document positions. */
export function highlightDecorations(doc: Node, highlight: Highlight): Decoration[] {
  const attrs = attributesOf(highlight);
  const spec = { id: highlight.id };
  const result: Decoration[] = [];
  paragraphs(doc).cut(highlight.from, highlight.to, (_i, from, to) => result.push(Decoration.inline(from, to, attrs(to), spec)));
  return result;
}

/** The highlights' decorations by paragraph index, positions relative to the paragraph's content. */
function fileByParagraph(index: Paragraphs, highlights: Iterable<Highlight>): { perParagraph: Map<number, Decoration[]>; count: number } {
  const perParagraph = new Map<number, Decoration[]>();
  let count = 0;
  for (const highlight of highlights) {
    count++;
    const attrs = attributesOf(highlight);
    const spec = { id: highlight.id };
    index.cut(highlight.from, highlight.to, (i, from, to) => {
      const contentStart = (index.offsets[i] as number) + 1;
      let list = perParagraph.get(i);
      if (!list) perParagraph.set(i, (list = []));
      list.push(Decoration.inline(from - contentStart, to - contentStart, attrs(to), spec));
    });
  }
  return { perParagraph, count };
}

/**
 * ProseMirror's own set constructor (`new DecorationSet(local, children)`), marked internal: not in
 * its typings. See ParagraphHighlights for why it is used, and its test for the guard.
 */
const DecorationTree = DecorationSet as unknown as new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/** Paragraph indices, first and last included. */
export type ParagraphRange = readonly [number, number];

/**
 * The highlights' decorations filed by paragraph: each paragraph's few decorations in a set of
 * their own, positions relative to the paragraph, as ProseMirror keeps them. Two reasons.
 * DecorationSet.create files decorations under their paragraph by scanning the whole list once per
 * paragraph — O(paragraphs × decorations), 0.3 s for 22,000 highlights over 1,829 paragraphs —
 * where this is one pass. And a set for any choice of paragraphs — those near the viewport — is
 * put together from the paragraph sets as ProseMirror's own tree is (a top set without decorations
 * of its own and [start, end, set] for each paragraph, in document order) in time proportional to
 * the paragraphs chosen. Immutable: a change gives a new value sharing the untouched paragraphs'
 * sets, so ProseMirror sees at once (same object) which paragraphs it need not redraw.
 * highlight-decorations.test.ts checks the sets against DecorationSet.create's.
 */
export class ParagraphHighlights {
  private constructor(
    private readonly doc: Node,
    private readonly index: Paragraphs,
    /** Each paragraph's decorations, by paragraph index; paragraphs without any are absent. */
    private readonly sets: ReadonlyMap<number, DecorationSet>,
    /** How many highlights are filed. */
    readonly count: number,
  ) {}

  static build(doc: Node, highlights: Iterable<Highlight>): ParagraphHighlights {
    const index = paragraphs(doc);
    const filed = fileByParagraph(index, highlights);
    const sets = new Map<number, DecorationSet>();
    for (const [i, list] of filed.perParagraph) sets.set(i, DecorationSet.create(doc.child(i), list));
    return new ParagraphHighlights(doc, index, sets, filed.count);
  }

  /** The highlights with `removed` (as they were drawn) taken out and `added` put in. */
  apply(removed: readonly Highlight[], added: readonly Highlight[]): ParagraphHighlights {
    const sets = new Map(this.sets);
    for (const highlight of removed) {
      this.index.cut(highlight.from, highlight.to, (i, from, to) => {
        const set = sets.get(i);
        if (!set) return;
        const contentStart = (this.index.offsets[i] as number) + 1;
        const rest = set.remove(set.find(from - contentStart, to - contentStart, (spec: { id?: string }) => spec.id === highlight.id));
        if (rest === DecorationSet.empty) sets.delete(i);
        else sets.set(i, rest);
      });
    }
    for (const [i, list] of fileByParagraph(this.index, added).perParagraph)
      sets.set(i, (sets.get(i) ?? DecorationSet.empty).add(this.doc.child(i), list));
    return new ParagraphHighlights(this.doc, this.index, sets, this.count - removed.length + added.length);
  }

  /** The set ProseMirror draws: the decorations of the paragraphs in `ranges`, or of every paragraph. */
  view(ranges?: readonly ParagraphRange[]): DecorationSet {
    const children: (number | DecorationSet)[] = [];
    const take = (i: number) => {
      const set = this.sets.get(i);
      if (!set) return;
      const offset = this.index.offsets[i] as number;
      children.push(offset, offset + this.doc.child(i).nodeSize, set);
    };
    if (!ranges) {
      for (const i of [...this.sets.keys()].sort((a, b) => a - b)) take(i);
    } else {
      let next = 0;
      for (const [first, last] of [...ranges].sort((a, b) => a[0] - b[0])) {
        for (let i = Math.max(first, next); i <= Math.min(last, this.index.offsets.length - 1); i++) take(i);
        next = Math.max(next, last + 1);
      }
    }
    return children.length === 0 ? DecorationSet.empty : new DecorationTree([], children);
  }

  /** The paragraphs whose content editor positions [from, to) cover. */
  paragraphsOf(from: number, to: number): ParagraphRange {
    // The last paragraph whose content starts before `to`: the one whose position is before to - 1.
    return [this.index.at(from), this.index.at(Math.max(from, to - 2))];
  }

  /** The position before paragraph `i`. */
  paragraphPosition(i: number): number {
    return this.index.offsets[i] as number;
  }

  get paragraphCount(): number {
    return this.index.offsets.length;
  }
}

/** The set of decorations for all these highlights, built in one pass (see ParagraphHighlights). */
export function buildHighlightSet(doc: Node, highlights: Iterable<Highlight>): DecorationSet {
  return ParagraphHighlights.build(doc, highlights).view();
}
