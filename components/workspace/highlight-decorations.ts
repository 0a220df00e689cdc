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

/** The decorations drawn for the highlight with this id around [from, to). */
export function findHighlight(set: DecorationSet, id: string, from: number, to: number): Decoration[] {
  return set.find(from, to, (spec: { id?: string }) => spec.id === id);
}

/**
 * ProseMirror's own set constructor (`new DecorationSet(local, children)`), marked internal: not in
 * its typings. See buildHighlightSet for why it is used, and its test for the guard.
 */
const DecorationTree = DecorationSet as unknown as new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/**
 * The set of decorations for all these highlights, built in one pass. DecorationSet.create files
 * decorations under their paragraph by scanning the whole list once per paragraph — O(paragraphs ×
 * decorations), 0.3 s for 22,000 highlights over 1,829 paragraphs. Here each paragraph's few
 * decorations are made into a set of their own (positions relative to the paragraph, as
 * ProseMirror keeps them) and the paragraph sets are put together as ProseMirror's tree does it: a
 * top set without decorations of its own and [start, end, set] for each paragraph, in document
 * order. highlight-decorations.test.ts checks the result against DecorationSet.create's.
 */
export function buildHighlightSet(doc: Node, highlights: Iterable<Highlight>): DecorationSet {
  const index = paragraphs(doc);
  const perParagraph = new Map<number, Decoration[]>();
  for (const highlight of highlights) {
    const attrs = attributesOf(highlight);
    const spec = { id: highlight.id };
    index.cut(highlight.from, highlight.to, (i, from, to) => {
      const contentStart = (index.offsets[i] as number) + 1;
      let list = perParagraph.get(i);
      if (!list) perParagraph.set(i, (list = []));
      list.push(Decoration.inline(from - contentStart, to - contentStart, attrs(to), spec));
    });
  }
  if (perParagraph.size === 0) return DecorationSet.empty;
  const children: (number | DecorationSet)[] = [];
  for (const i of [...perParagraph.keys()].sort((a, b) => a - b)) {
    const paragraph = doc.child(i);
    const offset = index.offsets[i] as number;
    children.push(offset, offset + paragraph.nodeSize, DecorationSet.create(paragraph, perParagraph.get(i) as Decoration[]));
  }
  return new DecorationTree([], children);
}
