// Tiptap extension that draws annotations as ProseMirror inline decorations. Decorations carry the
// annotation's id (and label, for styling) only; the data lives in the workspace state. The article
// never changes, so decorations are never remapped: they are added, replaced or removed by id.

import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface Highlight {
  id: string;
  label: "claim" | "quote";
  /** Editor positions (see lib/text/editor-map.ts). */
  from: number;
  to: number;
  /** Not yet saved: drawn with a dashed outline. */
  draft?: boolean;
}

type HighlightAction =
  | { type: "reset"; highlights: Highlight[] }
  | { type: "upsert"; highlight: Highlight }
  | { type: "remove"; id: string }
  | { type: "select"; id: string | null };

interface HighlightState {
  decorations: DecorationSet;
  byId: Map<string, Highlight>;
  selectedId: string | null;
}

export const highlightsKey = new PluginKey<HighlightState>("annotationHighlights");

function decorationFor(highlight: Highlight, selected: boolean): Decoration {
  const classes = ["hl", `hl-${highlight.label}`];
  if (selected) classes.push("hl-selected");
  if (highlight.draft) classes.push("hl-draft");
  return Decoration.inline(
    highlight.from,
    highlight.to,
    // nodeName gives every annotation its own element: without it ProseMirror merges overlapping
    // decorations into one span and the inner annotation's id would overwrite the outer one's.
    { nodeName: "span", class: classes.join(" "), "data-annotation-id": highlight.id, "data-label": highlight.label },
    { id: highlight.id },
  );
}

function without(state: HighlightState, id: string, decorations = state.decorations): DecorationSet {
  const old = state.byId.get(id);
  if (!old) return decorations;
  return decorations.remove(decorations.find(old.from, old.to, (spec: { id?: string }) => spec.id === id));
}

function apply(action: HighlightAction, state: HighlightState, editorState: EditorState): HighlightState {
  switch (action.type) {
    case "reset": {
      const byId = new Map(action.highlights.map((h) => [h.id, h]));
      const decorations = DecorationSet.create(
        editorState.doc,
        action.highlights.map((h) => decorationFor(h, h.id === state.selectedId)),
      );
      return { decorations, byId, selectedId: byId.has(state.selectedId ?? "") ? state.selectedId : null };
    }
    case "upsert": {
      const { highlight } = action;
      const decorations = without(state, highlight.id).add(editorState.doc, [decorationFor(highlight, highlight.id === state.selectedId)]);
      const byId = new Map(state.byId).set(highlight.id, highlight);
      return { ...state, decorations, byId };
    }
    case "remove": {
      const byId = new Map(state.byId);
      byId.delete(action.id);
      return { ...state, decorations: without(state, action.id), byId };
    }
    case "select": {
      let decorations = state.decorations;
      for (const id of [state.selectedId, action.id]) {
        const highlight = id ? state.byId.get(id) : undefined;
        if (!highlight) continue;
        decorations = without(state, highlight.id, decorations).add(editorState.doc, [
          decorationFor(highlight, highlight.id === action.id),
        ]);
      }
      return { ...state, decorations, selectedId: action.id };
    }
  }
}

/** Dispatches a highlight change on a view's transaction. */
export function withHighlightAction(tr: Transaction, action: HighlightAction): Transaction {
  return tr.setMeta(highlightsKey, action);
}

export const AnnotationHighlights = Extension.create({
  name: "annotationHighlights",

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: highlightsKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, byId: new Map(), selectedId: null }),
          apply(tr, value, _old, newState) {
            const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
            return action ? apply(action, value, newState) : value;
          },
        },
        props: {
          decorations: (state) => highlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
