// An annotation's comment thread kept current by the document stream's comment events, and the
// small hub through which the workspace hands those events to the thread on show. Pure.

import type { LiveEvent } from "@/components/live/use-live-events";
import type { CommentView } from "@/lib/comments/comment-view";

export type CommentEvent = Extract<LiveEvent, { kind: "comment.created" | "comment.updated" | "comment.deleted" }>;

export function isCommentEvent(event: LiveEvent): event is CommentEvent {
  return event.kind === "comment.created" || event.kind === "comment.updated" || event.kind === "comment.deleted";
}

/**
 * The thread of `annotationId` after an event (oldest first); the same array when the event is
 * about another thread or changes nothing — our own writes come back as events too.
 */
export function commentsAfter(comments: readonly CommentView[], annotationId: string, event: CommentEvent): readonly CommentView[] {
  switch (event.kind) {
    case "comment.created": {
      if (event.data.annotationId !== annotationId || comments.some((c) => c.id === event.data.id)) return comments;
      const list = [...comments, event.data];
      return list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    case "comment.updated": {
      const old = comments.find((c) => c.id === event.data.id);
      if (!old || old.updatedAt > event.data.updatedAt) return comments;
      return comments.map((c) => (c.id === event.data.id ? event.data : c));
    }
    case "comment.deleted":
      return comments.some((c) => c.id === event.data.id) ? comments.filter((c) => c.id !== event.data.id) : comments;
  }
}

/** Hands events to whoever listens now (the open thread); events with no listener are dropped. */
export interface EventHub<E> {
  emit(event: E): void;
  subscribe(listener: (event: E) => void): () => void;
}

export function createEventHub<E>(): EventHub<E> {
  const listeners = new Set<(event: E) => void>();
  return {
    emit: (event) => listeners.forEach((listener) => listener(event)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
