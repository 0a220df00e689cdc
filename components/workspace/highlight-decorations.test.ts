import { Schema, type Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { DecorationSet, type Decoration } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { highlightsKey, highlightsPlugin, type HighlightChanges, type HighlightSource } from "./annotation-highlights";
import { buildHighlightSet, highlightDecorations, type Highlight } from "./highlight-decorations";

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
    expect(drawnBy(highlightsKey.getState(state) as DecorationSet)).toEqual(drawnBy(reference(doc, HIGHLIGHTS)));

    const moved = h("inside", at(3, 0), at(3, 5), { label: "quote" });
    const unselected = { ...(HIGHLIGHTS[1] as Highlight), selected: false };
    state = apply(state, {
      removed: [HIGHLIGHTS[0] as Highlight, HIGHLIGHTS[1] as Highlight, HIGHLIGHTS[2] as Highlight],
      added: [moved, unselected],
    });
    state = apply(state, { removed: [moved], added: [{ ...moved, selected: true }] });
    const expected = [{ ...moved, selected: true }, unselected, ...HIGHLIGHTS.slice(3)];
    expect(drawnBy(highlightsKey.getState(state) as DecorationSet)).toEqual(drawnBy(reference(doc, expected)));
  });

  it("rebuilds from the source when many highlights change at once", () => {
    const src = source([]);
    let state = EditorState.create({ doc, plugins: [highlightsPlugin(src)] });
    src.list = Array.from({ length: 600 }, (_, i) => h(`m${i}`, at(3, i % 40), at(3, (i % 40) + 3)));
    state = apply(state, { removed: [], added: src.list });
    expect(drawnBy(highlightsKey.getState(state) as DecorationSet)).toEqual(drawnBy(reference(doc, src.list)));
  });
});
