"use client";
// A project's live change stream (components/live/use-live-events.ts) for a client component
// while it is mounted.

import { useLiveEvents, type LiveEvent } from "@/components/live/use-live-events";

export type { LiveEvent };

/** `since`: the event the page's data was read after, so nothing between render and connect is missed. */
export function useProjectEvents(projectId: string, onEvent: (event: LiveEvent) => void, since?: string): void {
  useLiveEvents(`/api/v1/projects/${encodeURIComponent(projectId)}/events`, { onEvent }, since);
}
