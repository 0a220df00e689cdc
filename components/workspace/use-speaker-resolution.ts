"use client";
// Speakers for the workspace: the speaker a choice in the Speaker combobox stands for — creating a
// typed name on the server, which answers with the existing speaker when someone created that name
// meanwhile — and the speakers of annotations the store has no record of yet (created elsewhere
// since the page loaded), fetched once each.

import { useCallback, useEffect } from "react";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { SpeakerChoice } from "./speaker-options";
import type { StoredAnnotation, WorkspaceStore } from "./store/workspace-store";
import { workspaceApi } from "./workspace-api";

export function useSpeakerResolution(store: WorkspaceStore, projectId: string): (choice: SpeakerChoice) => Promise<SpeakerView | null> {
  useEffect(() => {
    const requested = new Set<string>();
    const fetchMissing = (annotations: Iterable<StoredAnnotation | undefined>) => {
      const known = store.getState().speakerById;
      for (const annotation of annotations) {
        const speakerId = annotation?.speakerId;
        if (!speakerId || known.has(speakerId) || requested.has(speakerId)) continue;
        requested.add(speakerId);
        workspaceApi.getSpeaker(speakerId).then(
          (speaker) => store.putSpeaker(speaker),
          () => requested.delete(speakerId), // asked again with the next change that needs it
        );
      }
    };
    fetchMissing(store.getState().annotations);
    return store.subscribe(({ added, changed }) => fetchMissing([...added, ...changed].map(store.get)));
  }, [store]);

  return useCallback(
    async (choice: SpeakerChoice) => {
      if (choice.type === "none") return null;
      if (choice.type === "existing") return choice.speaker;
      const speaker = await workspaceApi.ensureSpeaker(projectId, choice.name);
      store.putSpeaker(speaker);
      return speaker;
    },
    [store, projectId],
  );
}
