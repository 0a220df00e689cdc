"use client";
// How many annotations wait for review, as the Review tab shows it. The server counts them when a
// project page is rendered; the review page, which follows the queue live, publishes fresher
// counts here so the tab keeps up without reloading the layout.

import { useEffect, useRef, useSyncExternalStore } from "react";

let live: { projectId: string; count: number } | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: typeof live): void {
  live = next;
  for (const listener of listeners) listener();
}

/** The review page's current count of pending annotations (all of them, no filter). */
export function publishPendingCount(projectId: string, count: number): void {
  if (live?.projectId !== projectId || live.count !== count) set({ projectId, count });
}

/** The count to show: the latest published one, until the server renders a newer count. */
export function usePendingCount(projectId: string, serverCount: number): number {
  const published = useSyncExternalStore(
    subscribe,
    () => live,
    () => null,
  );
  // A re-render of the layout (router.refresh) brings a count newer than anything published.
  const rendered = useRef(serverCount);
  useEffect(() => {
    if (rendered.current === serverCount) return;
    rendered.current = serverCount;
    if (live?.projectId === projectId) set(null);
  }, [projectId, serverCount]);
  return published?.projectId === projectId ? published.count : serverCount;
}
