// Tiptap extension that draws highlights as ProseMirror inline decorations, from a source it
// subscribes to: it files them all by paragraph when the editor starts, then applies each change
// the source reports — removing what was drawn for the old highlights, adding the new ones — so a
// change of one annotation costs one annotation's decorations, not a redraw of thousands. The
// article never changes, so decorations are never remapped.
//
// A long article with many highlights draws only those near the viewport (a screen's worth of
// paragraphs above and below it) and those selected or being tagged, wherever they are: creating
// 22,000 highlight elements when the editor mounts took a second of the workspace's opening, and
// every element costs style and layout on each change after. Scrolling past the drawn paragraphs
// draws the next ones in the same frame. An article with few highlights draws them all.

import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import type { DecorationSet, EditorView } from "@tiptap/pm/view";
import { ParagraphHighlights, type Highlight, type ParagraphRange } from "./highlight-decorations";

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
/** Up to this many highlights, all are drawn; above, those near the viewport. */
export const DRAW_ALL_UP_TO = 1000;
/** The paragraphs drawn before the viewport is first measured (the article opens at its top). */
const FIRST_PARAGRAPHS: ParagraphRange = [0, 30];

export interface HighlightsState {
  highlights: ParagraphHighlights;
  /** The paragraphs near the viewport, drawn when not all are. */
  near: ParagraphRange;
  /** The paragraphs of the selected and the unsaved highlights, by id: always drawn. */
  pinned: ReadonlyMap<string, ParagraphRange>;
  /** What ProseMirror draws. */
  drawn: DecorationSet;
}

export const highlightsKey = new PluginKey<HighlightsState>("annotationHighlights");
/** Transaction meta: the paragraphs now in the viewport. */
export const VIEWPORT = "annotationHighlightsViewport";

const isPinned = (h: Highlight) => Boolean(h.selected || h.draft);

function withDrawn(state: Omit<HighlightsState, "drawn">): HighlightsState {
  const { highlights, near, pinned } = state;
  const drawn = highlights.count <= DRAW_ALL_UP_TO ? highlights.view() : highlights.view([near, ...pinned.values()]);
  return { ...state, drawn };
}

function build(doc: Node, source: HighlightSource, near: ParagraphRange): HighlightsState {
  const all = [...source.current()];
  const highlights = ParagraphHighlights.build(doc, all);
  const pinned = new Map(all.filter(isPinned).map((h) => [h.id, highlights.paragraphsOf(h.from, h.to)] as const));
  return withDrawn({ highlights, near, pinned });
}

function applyChanges(state: HighlightsState, doc: Node, changes: HighlightChanges, source: HighlightSource): HighlightsState {
  if (changes.removed.length + changes.added.length > REBUILD_ABOVE) return build(doc, source, state.near);
  const highlights = state.highlights.apply(changes.removed, changes.added);
  let pinned = state.pinned;
  if (changes.removed.some(isPinned) || changes.added.some(isPinned)) {
    const next = new Map(pinned);
    for (const h of changes.removed) if (isPinned(h)) next.delete(h.id);
    for (const h of changes.added) if (isPinned(h)) next.set(h.id, highlights.paragraphsOf(h.from, h.to));
    pinned = next;
  }
  return withDrawn({ highlights, near: state.near, pinned });
}

/** The paragraphs to draw for those in view: one screen's worth more on each side. */
function nearViewport(state: HighlightsState, visible: ParagraphRange): HighlightsState {
  const [first, last] = visible;
  if (state.near[0] <= first && last <= state.near[1]) return state;
  const margin = Math.max(20, last - first + 1);
  return withDrawn({ ...state, near: [Math.max(0, first - margin), last + margin] });
}

/** The paragraphs on screen, found by bisecting the paragraphs' boxes, or null when none are laid out. */
function visibleParagraphs(view: EditorView, highlights: ParagraphHighlights): ParagraphRange | null {
  const count = highlights.paragraphCount;
  if (count === 0) return null;
  const box = (i: number) => (view.nodeDOM(highlights.paragraphPosition(i)) as HTMLElement | null)?.getBoundingClientRect();
  const height = window.innerHeight;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = box(mid);
    if (r && r.bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const r = box(mid);
    if (r && r.top <= height) lo = mid;
    else hi = mid - 1;
  }
  return [first, lo];
}

/**
 * Follows the viewport: measures which paragraphs are on screen once per frame after a scroll or
 * resize, or when asked (`measure`). Returns the functions that ask and that stop following.
 */
function followViewport(view: EditorView, key: PluginKey<HighlightsState>): { measure: () => void; stop: () => void } {
  let frame = 0;
  const measure = () => {
    frame = 0;
    const state = key.getState(view.state);
    if (!state || state.highlights.count <= DRAW_ALL_UP_TO) return;
    const visible = visibleParagraphs(view, state.highlights);
    if (visible && nearViewport(state, visible) !== state) view.dispatch(view.state.tr.setMeta(VIEWPORT, visible));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  // Scroll events do not bubble: listening on the window while capturing hears every scrolling element.
  window.addEventListener("scroll", schedule, { capture: true, passive: true });
  window.addEventListener("resize", schedule);
  const resized = new ResizeObserver(schedule);
  resized.observe(view.dom);
  schedule();
  return {
    measure: schedule,
    stop() {
      window.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
      resized.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}

/** The ProseMirror plugin: its state is the highlights filed by paragraph, kept in step with `source`. */
export function highlightsPlugin(source: HighlightSource): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: (_config, state) => build(state.doc, source, FIRST_PARAGRAPHS),
      apply(tr, value, _old, state: EditorState) {
        const changes = tr.getMeta(highlightsKey) as HighlightChanges | undefined;
        const next = changes ? applyChanges(value, state.doc, changes, source) : value;
        const visible = tr.getMeta(VIEWPORT) as ParagraphRange | undefined;
        return visible ? nearViewport(next, visible) : next;
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.drawn,
    },
    // The state and this subscription start in the same synchronous step, so no change falls between.
    view: (view) => {
      const unsubscribe = source.subscribe((changes) => view.dispatch(view.state.tr.setMeta(highlightsKey, changes)));
      const viewport = followViewport(view, highlightsKey);
      return {
        // An article whose highlights pass the threshold (suggestions accepted all at once, a
        // colleague's import) starts drawing near the viewport: measure where that is.
        update(_view, previous) {
          const before = highlightsKey.getState(previous)?.highlights.count ?? 0;
          const now = highlightsKey.getState(view.state)?.highlights.count ?? 0;
          if (before <= DRAW_ALL_UP_TO && now > DRAW_ALL_UP_TO) viewport.measure();
        },
        destroy() {
          unsubscribe();
          viewport.stop();
        },
      };
    },
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
