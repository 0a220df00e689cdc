"use client";
// The workspace on its document's live stream: colleagues' annotation and speaker changes go into
// the store (which skips stale events and the echoes of our own writes), comment events go to the
// open thread, presence says who else has the document open, and a colleague's change to the
// selected annotation becomes a notice for its details panel.

import { useEffect, useState } from "react";
import { useLiveEvents, type LiveEvent, type LiveStatus, type Viewer } from "@/components/live/use-live-events";
import { createEventHub, isCommentEvent, type CommentEvent, type EventHub } from "./comment-events";
import { noticeFor, remoteChangeOf, type RemoteNotice } from "./live-changes";
import type { WorkspaceStore } from "./store/workspace-store";

export interface DocumentEvents {
  status: LiveStatus;
  /** Who has the document open, this user included; null until the server has said. */
  viewers: readonly Viewer[] | null;
  /** A colleague's change to the selected annotation, until another is selected or it is dismissed. */
  notice: RemoteNotice | null;
  dismissNotice: () => void;
  comments: EventHub<CommentEvent>;
}

export function useDocumentEvents(store: WorkspaceStore, documentId: string, selfId: string, since?: string): DocumentEvents {
  const [viewers, setViewers] = useState<readonly Viewer[] | null>(null);
  const [notice, setNotice] = useState<RemoteNotice | null>(null);
  const [comments] = useState(() => createEventHub<CommentEvent>());

  // Selecting another annotation ends the notice about the last one.
  useEffect(
    () =>
      store.subscribe(({ state, previous }) => {
        if (state.selectedId !== previous.selectedId && state.selectedId !== null) {
          setNotice((current) => (current && current.annotationId !== state.selectedId ? null : current));
        }
      }),
    [store],
  );

  const { status } = useLiveEvents(
    `/api/v1/documents/${encodeURIComponent(documentId)}/events`,
    {
      onEvent(event: LiveEvent) {
        if (isCommentEvent(event)) {
          comments.emit(event);
          return;
        }
        const change = remoteChangeOf(event);
        if (!change) return;
        // Asked before the change: a deletion clears the selection.
        const next = noticeFor(event, store.getState().selectedId, selfId);
        store.applyRemote([change]);
        if (next) setNotice(next);
      },
      onPresence: setViewers,
    },
    since,
  );

  return { status, viewers, notice, dismissNotice: () => setNotice(null), comments };
}
