"use client";
// Changing and deleting annotations: each change shows at once through the store and is confirmed
// or rolled back by the server's answer. An edit that meets someone else's newer version (409)
// shows theirs and says so; a deletion offers Undo, which restores it under the same id.

import { useCallback } from "react";
import { ApiRequestError } from "@/components/ui/api-client";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import { LABEL_INFO } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { SpeakerChoice } from "./speaker-options";
import type { PendingWrite, StoredAnnotation, WorkspaceStore } from "./store/workspace-store";
import type { ToastApi } from "./Toasts";
import { failureMessage, workspaceApi, type AnnotationChanges } from "./workspace-api";

const UNDO_MS = 8000;

export type AnnotationEdit = AnnotationChanges & { speakerChoice?: SpeakerChoice };

export interface AnnotationEditsOptions {
  store: WorkspaceStore;
  resolveSpeaker: (choice: SpeakerChoice) => Promise<SpeakerView | null>;
  toasts: ToastApi;
  /** Selects an annotation (the restored one, after Undo). */
  select: (id: string) => void;
}

export function useAnnotationEdits({ store, resolveSpeaker, toasts, select }: AnnotationEditsOptions) {
  /** Resolves to whether the change was saved. */
  const update = useCallback(
    async (annotation: StoredAnnotation, { speakerChoice, ...rest }: AnnotationEdit) => {
      let write: PendingWrite<AnnotationView> | null = null;
      try {
        const changes: AnnotationChanges = { ...rest };
        if (speakerChoice) changes.speakerId = (await resolveSpeaker(speakerChoice))?.id ?? null;
        write = store.updateLocal(annotation.id, changes);
        write.confirm(await workspaceApi.updateAnnotation(annotation.id, annotation.version, changes));
        return true;
      } catch (error) {
        write?.rollback();
        if (error instanceof ApiRequestError && error.status === 409) {
          const current = (error.body?.error.details as { current?: AnnotationView } | undefined)?.current;
          if (current) store.putConfirmed(current);
          toasts.show({
            kind: "error",
            text: "Someone else changed this annotation meanwhile; it now shows their version. Make your change again if it still applies.",
          });
          return false;
        }
        toasts.show({ kind: "error", text: `Not saved: ${failureMessage(error)}` });
        return false;
      }
    },
    [store, resolveSpeaker, toasts],
  );

  const undoDeletion = useCallback(
    async (id: string) => {
      try {
        store.putConfirmed(await workspaceApi.restoreAnnotation(id));
        select(id);
        toasts.show({ kind: "status", text: "Deletion undone." });
      } catch (error) {
        toasts.show({ kind: "error", text: `Could not undo: ${failureMessage(error)}` });
      }
    },
    [store, select, toasts],
  );

  const remove = useCallback(
    async (annotation: StoredAnnotation) => {
      const write = store.deleteLocal(annotation.id);
      try {
        await workspaceApi.deleteAnnotation(annotation.id);
      } catch (error) {
        write.rollback();
        toasts.show({ kind: "error", text: `Not deleted: ${failureMessage(error)}` });
        return;
      }
      write.confirm();
      toasts.show({
        kind: "status",
        text: `${LABEL_INFO[annotation.label].name} deleted.`,
        action: { label: "Undo", run: () => undoDeletion(annotation.id) },
        timeoutMs: UNDO_MS,
      });
    },
    [store, toasts, undoDeletion],
  );

  return { update, remove };
}
