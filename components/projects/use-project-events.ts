"use client";
// A project's live change stream (server-sent events, cookie auth) for a client component while it
// is mounted. The browser's EventSource reconnects by itself after a dropped connection (resuming
// after the last event it saw); when the server refuses the stream outright (429, a restart), the
// hook opens it again a little later with ?since= so no change is missed.

import { useEffect, useRef } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { CHANGE_KIND_NAMES, type ChangeKind } from "@/lib/changes/change-kinds";
import type { DocumentSummary } from "@/lib/documents/documents";
import type { SpeakerView } from "@/lib/speakers/speakers";

/** Who made a change, as every event's data carries it. */
export interface EventActor {
  id: string;
  name: string;
}

/** A removed subject: its id and the document it was in (lib/changes/live-streams.ts eventData). */
export interface Removal {
  id: string;
  documentId: string | null;
}

/** What each kind's `data:` is (the subject as its GET returns it), per lib/changes/live-streams.ts. */
interface EventData {
  "annotation.created": AnnotationView;
  "annotation.updated": AnnotationView;
  "annotation.deleted": Removal;
  "annotation.restored": AnnotationView;
  "annotation.reviewed": AnnotationView;
  "speaker.created": SpeakerView;
  "speaker.updated": SpeakerView;
  "speaker.merged": { id: string; into: string };
  "document.created": DocumentSummary;
  "document.deleted": Removal;
  "project.deleted": Removal;
  "comment.created": unknown;
  "comment.updated": unknown;
  "comment.deleted": Removal;
}

export type LiveEvent = {
  [K in ChangeKind]: { kind: K; data: EventData[K]; actor: EventActor | null };
}[ChangeKind];

/** Waits before opening a refused stream again: doubling from 5 s up to a minute. */
const REOPEN_MS = 5_000;
const REOPEN_MAX_MS = 60_000;

/**
 * `since`: the event the page's data was read after (lib/changes/change-log.ts projectStreamStart),
 * so that a change made between the page's render and the stream's opening is not missed.
 */
export function useProjectEvents(projectId: string, onEvent: (event: LiveEvent) => void, since?: string): void {
  // The latest handler, so the stream is not reopened on every render.
  const handler = useRef(onEvent);
  // Where the stream starts, as first rendered (a later render does not reopen it).
  const startAfter = useRef(since);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let lastEventId = startAfter.current ?? "";
    let wait = REOPEN_MS;
    const url = `/api/v1/projects/${encodeURIComponent(projectId)}/events`;

    const open = () => {
      source = new EventSource(lastEventId ? `${url}?since=${encodeURIComponent(lastEventId)}` : url);
      for (const kind of CHANGE_KIND_NAMES) {
        source.addEventListener(kind, (message) => {
          const { data, lastEventId: id } = message as MessageEvent<string>;
          if (id) lastEventId = id;
          wait = REOPEN_MS;
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(data) as Record<string, unknown>;
          } catch {
            return;
          }
          const { actor = null, ...subject } = parsed as { actor?: EventActor };
          handler.current({ kind, data: subject, actor } as LiveEvent);
        });
      }
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
        source.close();
        reopen = setTimeout(open, wait);
        wait = Math.min(wait * 2, REOPEN_MAX_MS);
      };
    };

    open();
    return () => {
      if (reopen) clearTimeout(reopen);
      source?.close();
    };
  }, [projectId]);
}
