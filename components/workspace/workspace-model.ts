// What the sidebar shows of the store's annotations: the filters, the authors, the speaker's name
// and the snippet; and of its suggestions, the speaker each proposes. Pure, so it is unit-tested.

import type { AnnotationStatus, Label } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { StoredAnnotation, SuggestionRecord } from "./store/workspace-store";

export interface AnnotationFilters {
  label: Label | "";
  /** "" all, "none" without a speaker, or a speaker id. */
  speaker: string;
  author: string;
  status: AnnotationStatus | "";
}

export const NO_FILTERS: AnnotationFilters = { label: "", speaker: "", author: "", status: "" };

export function matchesFilters(annotation: StoredAnnotation, filters: AnnotationFilters): boolean {
  if (filters.label && annotation.label !== filters.label) return false;
  if (filters.speaker === "none" ? annotation.speakerId !== null : filters.speaker && annotation.speakerId !== filters.speaker)
    return false;
  if (filters.author && annotation.author.id !== filters.author) return false;
  if (filters.status && annotation.status !== filters.status) return false;
  return true;
}

/** The annotations the filters keep (the list itself when there are none). */
export function filtered(annotations: readonly StoredAnnotation[], filters: AnnotationFilters): readonly StoredAnnotation[] {
  if (!filters.label && !filters.speaker && !filters.author && !filters.status) return annotations;
  return annotations.filter((a) => matchesFilters(a, filters));
}

/** The annotations' authors, by name (for the author filter). */
export function authorsOf(annotations: readonly StoredAnnotation[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const a of annotations) names.set(a.author.id, a.author.name);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The name of the annotation's speaker: from the speakers (so a renamed speaker shows at once), or
 * the name typed for one still being created; null for none.
 */
export function speakerName(annotation: StoredAnnotation, speakers: ReadonlyMap<string, SpeakerView>): string | null {
  if (annotation.speakerId === null) return annotation.pending?.speakerName ?? null;
  // A speaker created elsewhere since the page loaded is fetched (see use-speaker-resolution.ts).
  return speakers.get(annotation.speakerId)?.name ?? "(speaker loading)";
}

/** Up to `max` characters of an annotation's text for the sidebar, whole code points. */
export function snippet(text: string, max = 120): string {
  const points = Array.from(text.replace(/\s+/g, " "));
  return points.length <= max ? points.join("") : `${points.slice(0, max - 1).join("")}…`;
}

/**
 * The speaker a suggestion proposes: a project speaker's name, or a name not yet a speaker (`isNew`:
 * accepting it creates the speaker); null for none.
 */
export function proposedSpeaker(
  suggestion: Pick<SuggestionRecord, "speaker">,
  speakers: ReadonlyMap<string, SpeakerView>,
): { name: string | null; isNew: boolean } {
  const proposed = suggestion.speaker;
  if (!proposed) return { name: null, isNew: false };
  if ("id" in proposed) return { name: speakers.get(proposed.id)?.name ?? "(speaker loading)", isNew: false };
  return { name: proposed.newName, isNew: true };
}
