import { Schema, type Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { DecorationSet, type Decoration } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import {
  DRAW_ALL_UP_TO,
  highlightsKey,
  highlightsPlugin,
  VIEWPORT,
  type HighlightChanges,
  type HighlightSource,
  type HighlightsState,
} from "./annotation-highlights";
import { buildHighlightSet, highlightDecorations, ParagraphHighlights, type Highlight } from "./highlight-decorations";

// The article's shape: a flat list of paragraphs, some empty.
const schema = new Schema({ nodes: { doc: { content: "paragraph+" }, paragraph: { content: "text*" }, text: {} } });
const LINES = ["Headline", "The spokesman said the talks were useful.", "", "Another paragraph, longer than the others are.", "End."];
const doc = schema.node(
  "doc",
  null,
  LINES.map((line) => schema.node("paragraph", null, line ? [schema.text(line)] : [])),
);
// Paragraph i's text starts at position PARA[i].
const PARA = LINES.reduce<number[]>(
  (starts, _line, i) => [...starts, i === 0 ? 1 : (starts[i - 1] as number) + (LINES[i - 1] as string).length + 2],
  [],
);

const at = (paragraph: number, column: number) => (PARA[paragraph] as number) + column;
const h = (id: string, from: number, to: number, extra: Partial<Highlight> = {}): Highlight => ({ id, label: "claim", from, to, ...extra });

/** What a set draws: [from, to, id, element and class] of each decoration, in order. */
function drawnBy(set: DecorationSet): [number, number, string, string][] {
  return set
    .find()
    .map((d: Decoration) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      const element = `${attrs.nodeName}${attrs.class ? `.${attrs.class.replace(" ", ".")}` : ""}`;
      return [d.from, d.to, attrs["data-annotation-id"] as string, element] as [number, number, string, string];
    })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
}

/** The reference: ProseMirror's own DecorationSet.create from the same decorations. */
const reference = (node: Node, highlights: Highlight[]) =>
  DecorationSet.create(
    node,
    highlights.flatMap((x) => highlightDecorations(node, x)),
  );

const HIGHLIGHTS = [
  h("inside", at(1, 4), at(1, 13)),
  h("nested", at(1, 8), at(1, 12), { label: "quote", selected: true }),
  h("across-empty", at(1, 30), at(3, 7), { draft: true }),
  h("whole-first", at(0, 0), at(0, 8)),
  h("same-start", at(1, 4), at(1, 7)),
  h("to-the-end", at(3, 40), at(4, 4)),
];

describe("highlightDecorations", () => {
  it("draws an element named after the label, with the id, and a class only when selected or unsaved", () => {
    const [plain, nested, draft] = HIGHLIGHTS.map((x) => highlightDecorations(doc, x)[0] as Decoration);
    const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    expect(attrs(plain as Decoration)).toEqual({ nodeName: "hl-claim", "data-annotation-id": "inside" });
    expect(attrs(nested as Decoration)).toEqual({ nodeName: "hl-quote", "data-annotation-id": "nested", class: "hl-selected" });
    expect(attrs(draft as Decoration)).toEqual({ nodeName: "hl-claim", "data-annotation-id": "across-empty", class: "hl-draft" });
  });

  it("cuts a highlight at paragraph boundaries, skipping empty paragraphs", () => {
    const pieces = highlightDecorations(doc, HIGHLIGHTS[2] as Highlight);
    expect(pieces.map((d) => [d.from, d.to])).toEqual([
      [at(1, 30), at(1, LINES[1]!.length)],
      [at(3, 0), at(3, 7)],
    ]);
  });
});

describe("suggestions' highlights", () => {
  const ghost = h("s1", at(1, 30), at(3, 7), { label: "quote", suggestion: { speaker: "Zhao Lijian" } });
  const attrsOf = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;

  it("draws <hl-suggestion> with its own id attribute, the proposed speaker on the last piece only", () => {
    const pieces = highlightDecorations(doc, ghost);
    expect(pieces.map(attrsOf)).toEqual([
      { nodeName: "hl-suggestion", "data-suggestion-id": "s1" },
      { nodeName: "hl-suggestion", "data-suggestion-id": "s1", "data-speaker": "Zhao Lijian" },
    ]);
    expect(attrsOf(highlightDecorations(doc, { ...ghost, selected: true, suggestion: { speaker: "" } })[1] as Decoration)).toEqual({
      nodeName: "hl-suggestion",
      "data-suggestion-id": "s1",
      class: "hl-selected",
    });
  });

  it("are built into the set as ProseMirror would", () => {
    const built = buildHighlightSet(doc, [...HIGHLIGHTS, ghost]);
    const pieces = built.find(undefined, undefined, (spec: { id: string }) => spec.id === "s1").map(attrsOf);
    expect(pieces.map((a) => a["data-speaker"])).toEqual([undefined, "Zhao Lijian"]);
  });
});

describe("buildHighlightSet", () => {
  it("builds the set DecorationSet.create builds, per paragraph as well", () => {
    const built = buildHighlightSet(doc, HIGHLIGHTS);
    const expected = reference(doc, HIGHLIGHTS);
    expect(drawnBy(built)).toEqual(drawnBy(expected));
    expect(drawnBy(built)).toHaveLength(8); // two highlights cross a paragraph boundary
    let offset = 0;
    doc.forEach((child) => {
      expect(drawnBy(built.forChild(offset, child) as DecorationSet)).toEqual(drawnBy(expected.forChild(offset, child) as DecorationSet));
      offset += child.nodeSize;
    });
  });

  it("gives the empty set for no highlights, and a set ProseMirror can add to and remove from", () => {
    expect(buildHighlightSet(doc, [])).toBe(DecorationSet.empty);
    const built = buildHighlightSet(doc, HIGHLIGHTS);
    const added = built.add(doc, highlightDecorations(doc, h("new", at(4, 0), at(4, 3))));
    const removed = added.remove(added.find(at(1, 4), at(1, 13), (spec: { id: string }) => spec.id === "inside"));
    const expected = [...HIGHLIGHTS.filter((x) => x.id !== "inside"), h("new", at(4, 0), at(4, 3))];
    expect(drawnBy(removed)).toEqual(drawnBy(reference(doc, expected)));
  });
});

describe("the highlights plugin", () => {
  /** A source whose highlights the test changes by hand. */
  function source(initial: Highlight[]): HighlightSource & { list: Highlight[] } {
    return {
      list: initial,
      current() {
        return this.list;
      },
      subscribe: () => () => {},
    };
  }

  function apply(state: EditorState, changes: HighlightChanges): EditorState {
    return state.apply(state.tr.setMeta(highlightsKey, changes));
  }

  it("draws the source's highlights, then applies changes one by one", () => {
    const src = source(HIGHLIGHTS);
    let state = EditorState.create({ doc, plugins: [highlightsPlugin(src)] });
    expect(drawnBy((highlightsKey.getState(state) as HighlightsState).drawn)).toEqual(drawnBy(reference(doc, HIGHLIGHTS)));

    const moved = h("inside", at(3, 0), at(3, 5), { label: "quote" });
    const unselected = { ...(HIGHLIGHTS[1] as Highlight), selected: false };
    state = apply(state, {
      removed: [HIGHLIGHTS[0] as Highlight, HIGHLIGHTS[1] as Highlight, HIGHLIGHTS[2] as Highlight],
      added: [moved, unselected],
    });
    state = apply(state, { removed: [moved], added: [{ ...moved, selected: true }] });
    const expected = [{ ...moved, selected: true }, unselected, ...HIGHLIGHTS.slice(3)];
    expect(drawnBy((highlightsKey.getState(state) as HighlightsState).drawn)).toEqual(drawnBy(reference(doc, expected)));
  });

  it("rebuilds from the source when many highlights change at once", () => {
    const src = source([]);
    let state = EditorState.create({ doc, plugins: [highlightsPlugin(src)] });
    src.list = Array.from({ length: 600 }, (_, i) => h(`m${i}`, at(3, i % 40), at(3, (i % 40) + 3)));
    state = apply(state, { removed: [], added: src.list });
    expect(drawnBy((highlightsKey.getState(state) as HighlightsState).drawn)).toEqual(drawnBy(reference(doc, src.list)));
  });
});

describe("ParagraphHighlights", () => {
  it("applies changes as DecorationSet.create would build the result, and drops emptied paragraphs", () => {
    const filed = ParagraphHighlights.build(doc, HIGHLIGHTS);
    const moved = h("inside", at(4, 0), at(4, 3), { label: "quote" });
    const changed = filed.apply([HIGHLIGHTS[0] as Highlight, HIGHLIGHTS[3] as Highlight], [moved]);
    const expected = [moved, ...HIGHLIGHTS.filter((x) => x.id !== "inside" && x.id !== "whole-first")];
    expect(drawnBy(changed.view())).toEqual(drawnBy(reference(doc, expected)));
    expect(changed.count).toBe(HIGHLIGHTS.length - 1);
    // Paragraph 0 lost its only highlight: nothing is left of it.
    expect(drawnBy(changed.view([[0, 0]]))).toEqual([]);
    // The original is untouched.
    expect(drawnBy(filed.view())).toEqual(drawnBy(reference(doc, HIGHLIGHTS)));
  });

  it("gives the decorations of the paragraphs asked for, in any order, overlapping or not", () => {
    const filed = ParagraphHighlights.build(doc, HIGHLIGHTS);
    const inParagraphs = (first: number, last: number) =>
      drawnBy(reference(doc, HIGHLIGHTS)).filter(
        ([from]) => from >= (PARA[first] as number) && from <= (PARA[last] as number) + (LINES[last] as string).length,
      );
    expect(drawnBy(filed.view([[3, 4]]))).toEqual(inParagraphs(3, 4));
    expect(
      drawnBy(
        filed.view([
          [3, 4],
          [0, 1],
          [1, 3],
        ]),
      ),
    ).toEqual(drawnBy(filed.view()));
    expect(drawnBy(filed.view([[2, 2]]))).toEqual([]);
    expect(filed.paragraphsOf(at(1, 30), at(3, 7))).toEqual([1, 3]);
    expect(filed.paragraphsOf(at(3, 40), at(4, 0))).toEqual([3, 3]);
  });
});

describe("the highlights plugin on a long article", () => {
  // 400 paragraphs, 3 highlights in each: more than are drawn all at once.
  const PARAGRAPHS = 400;
  const line = "A paragraph of the article, with words enough for three highlights.";
  const long = schema.node(
    "doc",
    null,
    Array.from({ length: PARAGRAPHS }, () => schema.node("paragraph", null, [schema.text(line)])),
  );
  const start = (i: number) => 1 + i * (line.length + 2);
  const many = Array.from({ length: PARAGRAPHS * 3 }, (_, k) => {
    const i = Math.floor(k / 3);
    return h(`p${i}-${k % 3}`, start(i) + (k % 3) * 20, start(i) + (k % 3) * 20 + 10);
  });
  const src: HighlightSource = { current: () => many, subscribe: () => () => {} };
  const paragraphsDrawn = (state: EditorState) =>
    [
      ...new Set(drawnBy((highlightsKey.getState(state) as HighlightsState).drawn).map(([, , id]) => Number(id.slice(1).split("-")[0]))),
    ].sort((a, b) => a - b);
  const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k);

  it("draws the first paragraphs, then those near the viewport, one screen's worth more on each side", () => {
    expect(many.length).toBeGreaterThan(DRAW_ALL_UP_TO);
    let state = EditorState.create({ doc: long, plugins: [highlightsPlugin(src)] });
    expect(paragraphsDrawn(state)).toEqual(range(0, 30));
    state = state.apply(state.tr.setMeta(VIEWPORT, [200, 229]));
    expect(paragraphsDrawn(state)).toEqual(range(170, 259));
    // Scrolling within what is drawn changes nothing.
    const before = highlightsKey.getState(state);
    state = state.apply(state.tr.setMeta(VIEWPORT, [180, 250]));
    expect(highlightsKey.getState(state)).toBe(before);
  });

  it("always draws the selected and the unsaved highlight, wherever they are", () => {
    let state = EditorState.create({ doc: long, plugins: [highlightsPlugin(src)] });
    const far = many[3 * 350] as Highlight;
    const draft = h("draft", start(390), start(391) + 5, { draft: true });
    state = state.apply(state.tr.setMeta(highlightsKey, { removed: [far], added: [{ ...far, selected: true }, draft] }));
    expect(paragraphsDrawn(state).filter((i) => i > 30)).toEqual([350, 390, 391]);
    const drawn = drawnBy((highlightsKey.getState(state) as HighlightsState).drawn).map(([, , id]) => id);
    expect(drawn).toContain("draft");
    // Unselected, it is no longer drawn.
    state = state.apply(state.tr.setMeta(highlightsKey, { removed: [{ ...far, selected: true }], added: [far] }));
    expect(paragraphsDrawn(state).filter((i) => i > 30)).toEqual([390, 391]);
  });
});
