// What a document stream's events do to the workspace: annotation and speaker changes become the
// store's remote changes, and a colleague's change to the annotation you have selected becomes a
// notice for its details panel (not a silent overwrite). Pure, so it is unit-tested.

import type { LiveEvent } from "@/components/live/use-live-events";
import { STATUS_NAMES } from "@/lib/model/vocabulary";
import type { RemoteChange } from "./store/workspace-store";

/** The store's change for an event; null for kinds the store does not hold (comments, documents). */
export function remoteChangeOf(event: LiveEvent): RemoteChange | null {
  switch (event.kind) {
    case "annotation.created":
    case "annotation.updated":
    case "annotation.restored":
    case "annotation.reviewed":
      return { kind: event.kind, after: event.data };
    case "annotation.deleted":
      return event.data.documentId === null ? null : { kind: event.kind, before: { id: event.data.id, documentId: event.data.documentId } };
    case "speaker.created":
    case "speaker.updated":
      return { kind: event.kind, after: event.data };
    case "speaker.merged":
      return { kind: event.kind, before: event.data };
    default:
      return null;
  }
}

/** Told in the details panel of the annotation someone else changed or deleted. */
export interface RemoteNotice {
  annotationId: string;
  text: string;
  deleted: boolean;
}

/**
 * The notice for an event, when it is someone else's change to `watchedId` (the selected
 * annotation); null otherwise, our own echoes included.
 */
export function noticeFor(event: LiveEvent, watchedId: string | null, selfId: string): RemoteNotice | null {
  if (watchedId === null || event.actor === null || event.actor.id === selfId) return null;
  const who = event.actor.name;
  switch (event.kind) {
    case "annotation.updated":
    case "annotation.restored":
      return event.data.id === watchedId ? { annotationId: watchedId, text: `Changed by ${who} just now.`, deleted: false } : null;
    case "annotation.reviewed":
      return event.data.id === watchedId
        ? {
            annotationId: watchedId,
            text:
              event.data.status === "pending"
                ? `Review reset by ${who} just now.`
                : `${STATUS_NAMES[event.data.status]} by ${who} just now.`,
            deleted: false,
          }
        : null;
    case "annotation.deleted":
      return event.data.id === watchedId ? { annotationId: watchedId, text: `Deleted by ${who}.`, deleted: true } : null;
    default:
      return null;
  }
}
