"use client";
// Choosing the speaker to give annotations: the workspace's Speaker combobox (names and aliases,
// "Create speaker …", "No speaker"; Enter chooses, Esc cancels) in a labelled group, and turning
// the choice into a speaker — creating it when asked (the one already so named if any).

import { SpeakerCombobox } from "@/components/workspace/SpeakerCombobox";
import type { SpeakerChoice } from "@/components/workspace/speaker-options";
import { api } from "@/components/ui/api-client";
import type { SpeakerView } from "@/lib/speakers/speakers";
import styles from "./review.module.css";

export function SpeakerPicker({
  label,
  speakers,
  onChoose,
  onCancel,
}: {
  /** The group's accessible name ("Change the speaker of …"). */
  label: string;
  speakers: readonly SpeakerView[];
  onChoose: (choice: SpeakerChoice) => void;
  onCancel: () => void;
}) {
  return (
    <div className={styles.picker} role="group" aria-label={label}>
      <SpeakerCombobox speakers={speakers} autoFocus onChoose={onChoose} onCancel={onCancel} />
      <p className="muted">Type a name or alias; ↑ ↓ move, Enter chooses, Esc cancels.</p>
    </div>
  );
}

/** The speaker a choice names: an existing one, one created now, or null for "No speaker". */
export async function speakerOfChoice(projectId: string, choice: SpeakerChoice): Promise<SpeakerView | null> {
  switch (choice.type) {
    case "none":
      return null;
    case "existing":
      return choice.speaker;
    case "create":
      return api<SpeakerView>(`/api/v1/projects/${encodeURIComponent(projectId)}/speakers?existing=return`, {
        method: "POST",
        json: { name: choice.name },
      });
  }
}

/** POST …/reattribute: gives these annotations another speaker (or none); answers how many changed. */
export async function reattribute(projectId: string, annotationIds: string[], speakerId: string | null): Promise<number> {
  const { changed } = await api<{ changed: number }>(`/api/v1/projects/${encodeURIComponent(projectId)}/reattribute`, {
    method: "POST",
    json: { annotationIds, speakerId },
  });
  return changed;
}
