// Tiptap extension that draws highlights as ProseMirror inline decorations, from a source it
// subscribes to: it draws them all when the editor starts, then applies each change the source
// reports — removing what was drawn for the old highlights, adding the new ones — so a change of
// one annotation costs one annotation's decorations, not a redraw of thousands. The article never
// changes, so decorations are never remapped.

import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { buildHighlightSet, findHighlight, highlightDecorations, type Highlight } from "./highlight-decorations";

export type { Highlight };

/** What changed: highlights no longer drawn as they were, and highlights to draw. */
export interface HighlightChanges {
  /** As they were drawn (their id and range find their decorations). */
  removed: readonly Highlight[];
  added: readonly Highlight[];
}

export interface HighlightSource {
  /** Every highlight to draw now. */
  current(): Iterable<Highlight>;
  /** Calls `listener` with each change; returns the function that unsubscribes it. */
  subscribe(listener: (changes: HighlightChanges) => void): () => void;
}

export interface AnnotationHighlightsOptions {
  /** Where the highlights come from; none are drawn without one. */
  source: HighlightSource | null;
}

/** Above this many changed highlights, the set is rebuilt from the source in one pass instead. */
const REBUILD_ABOVE = 500;

export const highlightsKey = new PluginKey<DecorationSet>("annotationHighlights");

function applyChanges(set: DecorationSet, doc: Node, changes: HighlightChanges, source: HighlightSource): DecorationSet {
  if (changes.removed.length + changes.added.length > REBUILD_ABOVE) return buildHighlightSet(doc, source.current());
  const stale = changes.removed.flatMap((h) => findHighlight(set, h.id, h.from, h.to));
  const fresh = changes.added.flatMap((h) => highlightDecorations(doc, h));
  return set.remove(stale).add(doc, fresh);
}

/** The ProseMirror plugin: its state is the set of decorations, kept in step with `source`. */
export function highlightsPlugin(source: HighlightSource): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightsKey,
    state: {
      init: (_config, state) => buildHighlightSet(state.doc, source.current()),
      apply(tr, set, _old, state) {
        const changes = tr.getMeta(highlightsKey) as HighlightChanges | undefined;
        return changes ? applyChanges(set, state.doc, changes, source) : set;
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state),
    },
    // The state and this subscription start in the same synchronous step, so no change falls between.
    view: (view) => ({
      destroy: source.subscribe((changes) => view.dispatch(view.state.tr.setMeta(highlightsKey, changes))),
    }),
  });
}

export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: "annotationHighlights",

  addOptions() {
    return { source: null };
  },

  addProseMirrorPlugins() {
    return this.options.source ? [highlightsPlugin(this.options.source)] : [];
  },
});
