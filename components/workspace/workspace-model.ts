// What the workspace shows of the store's annotations: the layer (whose annotations the article and
// the sidebar show), the sidebar's filters, the speaker's name and the snippet; and of its
// suggestions, the speaker each proposes. Pure, so it is unit-tested.

import type { AnnotationStatus, Label } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { StoredAnnotation, SuggestionRecord } from "./store/workspace-store";

/**
 * Whose annotations the workspace shows, as the URL spells it (`?layer=`): "" every layer, "curated"
 * the curated (gold) layer, else a user id — that annotator's own annotations, the curated ones
 * (written by a curator) not included.
 */
export type Layer = string;
export const ALL_LAYERS: Layer = "";
export const CURATED_LAYER: Layer = "curated";

export function inLayer(annotation: Pick<StoredAnnotation, "author" | "curated">, layer: Layer): boolean {
  if (layer === ALL_LAYERS) return true;
  if (layer === CURATED_LAYER) return annotation.curated === true;
  return annotation.author.id === layer && annotation.curated !== true;
}

/** A `?layer=` value (absent, repeated or blank: every layer). */
export function parseLayer(value: string | string[] | null | undefined): Layer {
  return typeof value === "string" ? value.trim() : ALL_LAYERS;
}

export interface LayerOption {
  value: Layer;
  /** The annotator's name (or "Curated layer"), with how many annotations the layer holds. */
  text: string;
}

/**
 * The layers to choose from: every layer, each annotator with annotations on the document (by
 * name), the curated layer when there is one — and the current layer even when it holds none (a
 * link to an annotator who has not started).
 */
export function layerOptions(annotations: readonly StoredAnnotation[], current: Layer = ALL_LAYERS): LayerOption[] {
  const authors = new Map<string, { name: string; count: number }>();
  let curated = 0;
  for (const a of annotations) {
    if (a.curated) {
      curated++;
      continue;
    }
    const known = authors.get(a.author.id);
    if (known) known.count++;
    else authors.set(a.author.id, { name: a.author.name, count: 1 });
  }
  const count = (n: number) => `${n} annotation${n === 1 ? "" : "s"}`;
  const options: LayerOption[] = [{ value: ALL_LAYERS, text: `All layers (${count(annotations.length)})` }];
  const people = [...authors].sort(([ia, a], [ib, b]) => a.name.localeCompare(b.name) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  for (const [id, { name, count: n }] of people) options.push({ value: id, text: `${name} (${count(n)})` });
  if (curated > 0 || current === CURATED_LAYER) options.push({ value: CURATED_LAYER, text: `Curated layer (${count(curated)})` });
  if (!options.some((o) => o.value === current)) options.push({ value: current, text: "This link's annotator (0 annotations)" });
  return options;
}

export interface AnnotationFilters {
  label: Label | "";
  /** "" all, "none" without a speaker, or a speaker id. */
  speaker: string;
  status: AnnotationStatus | "";
}

export const NO_FILTERS: AnnotationFilters = { label: "", speaker: "", status: "" };

export function matchesFilters(annotation: StoredAnnotation, filters: AnnotationFilters): boolean {
  if (filters.label && annotation.label !== filters.label) return false;
  if (filters.speaker === "none" ? annotation.speakerId !== null : filters.speaker && annotation.speakerId !== filters.speaker)
    return false;
  if (filters.status && annotation.status !== filters.status) return false;
  return true;
}

/** The annotations the filters keep (the list itself when there are none). */
export function filtered(annotations: readonly StoredAnnotation[], filters: AnnotationFilters): readonly StoredAnnotation[] {
  if (!filters.label && !filters.speaker && !filters.status) return annotations;
  return annotations.filter((a) => matchesFilters(a, filters));
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
