"use client";
// A windowed list: only the rows in view (and a few around them) are rendered, each at its place
// in a block as tall as all the rows, so a list of thousands costs only the rows on screen. It
// scrolls to a row when asked (scrollRequest), unless that row is in view already.

import { useEffect, useLayoutEffect, useRef, useState, type UIEvent } from "react";

export const ROW_HEIGHT = 76;
const OVERSCAN = 6;

export function useWindowedList<T extends { id: string }>(items: readonly T[], scrollRequest: { id: string; seq: number } | null) {
  const listRef = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  // The list element exists only while there are rows (an empty list shows a message instead).
  const empty = items.length === 0;
  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, [empty]);

  useEffect(() => {
    const element = listRef.current;
    if (!scrollRequest || !element) return;
    const index = items.findIndex((a) => a.id === scrollRequest.id);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - element.clientHeight / 2 + ROW_HEIGHT / 2);
      setScrollTop(element.scrollTop);
    }
    // Only when a new request arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  return {
    listRef,
    /** Index of the first row rendered. */
    first,
    rows: items.slice(first, last),
    height: items.length * ROW_HEIGHT,
    onScroll: (event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop),
  };
}
