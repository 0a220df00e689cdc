"use client";
// A live change stream (server-sent events, cookie auth) — a project's or a document's — for a
// client component while it is mounted. The browser's EventSource reconnects by itself after a
// dropped connection, sending Last-Event-ID (the `id:` of the last change it saw) so the server
// replays what was missed; when the server refuses the stream outright (429, a restart), the hook
// opens it again a little later with ?since= so no change is missed. It reports how the connection
// stands, so the page can say when it has dropped.

import { useEffect, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { CHANGE_KIND_NAMES, type ChangeKind } from "@/lib/changes/change-kinds";
import type { DocumentAssignments } from "@/lib/assignments/assignments";
import type { CommentView } from "@/lib/comments/comment-view";
import type { DocumentSummary } from "@/lib/documents/document-view";
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

/** Who has a document open, as its stream's `presence` events say (lib/changes/live-streams.ts). */
export interface Viewer {
  userId: string;
  name: string;
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
  "document.updated": DocumentSummary;
  "document.deleted": Removal;
  "project.deleted": Removal;
  "comment.created": CommentView;
  "comment.updated": CommentView;
  "comment.deleted": Removal & { annotationId?: string };
  "assignment.updated": DocumentAssignments;
}

export type LiveEvent = {
  [K in ChangeKind]: { kind: K; data: EventData[K]; actor: EventActor | null };
}[ChangeKind];

export interface LiveEventHandlers {
  onEvent: (event: LiveEvent) => void;
  /** Document streams only: sent on connecting and whenever someone opens or leaves the document. */
  onPresence?: (viewers: Viewer[]) => void;
}

/** Waits before opening a refused stream again: doubling from 5 s up to a minute. */
const REOPEN_MS = 5_000;
const REOPEN_MAX_MS = 60_000;

/** "connecting" until the stream first opens; "reconnecting" whenever it has dropped since. */
export type LiveStatus = "connecting" | "open" | "reconnecting";

/**
 * Follows the stream at `url`; returns how the connection stands. `since`: the event the page's
 * data was read after (lib/changes/change-log.ts projectStreamStart), so that a change made between
 * the page's render and the stream's opening is not missed.
 */
export function useLiveEvents(url: string, handlers: LiveEventHandlers, since?: string): { status: LiveStatus } {
  // The latest handlers, so the stream is not reopened on every render.
  const current = useRef(handlers);
  // Where the stream starts, as first rendered (a later render does not reopen it).
  const startAfter = useRef(since);
  useEffect(() => {
    current.current = handlers;
  });
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let lastEventId = startAfter.current ?? "";
    let wait = REOPEN_MS;

    const open = () => {
      source = new EventSource(lastEventId ? `${url}?since=${encodeURIComponent(lastEventId)}` : url);
      source.onopen = () => {
        wait = REOPEN_MS;
        setStatus("open");
      };
      for (const kind of CHANGE_KIND_NAMES) {
        source.addEventListener(kind, (message) => {
          const { data, lastEventId: id } = message as MessageEvent<string>;
          if (id) lastEventId = id;
          const parsed = parse(data);
          if (!parsed) return;
          const { actor = null, ...subject } = parsed as { actor?: EventActor };
          current.current.onEvent({ kind, data: subject, actor } as LiveEvent);
        });
      }
      source.addEventListener("presence", (message) => {
        const parsed = parse((message as MessageEvent<string>).data) as { viewers?: Viewer[] } | null;
        if (parsed?.viewers) current.current.onPresence?.(parsed.viewers);
      });
      source.onerror = () => {
        setStatus((now) => (now === "connecting" ? now : "reconnecting"));
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
  }, [url]);

  return { status };
}

function parse(data: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
