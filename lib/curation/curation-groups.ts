// The curation view's alignment, pure: annotators' spans on one document grouped where they overlap
// enough to be the same unit (span-matching's rule), and within a group, identical versions (span,
// label, kind, speaker) shown once with how many annotators have them ("3/3").

import { overlapsEnough } from "../agreement/span-matching";
import type { AnnotationView } from "../annotations/annotation-view";

export interface CurationVersion {
  /** The annotations with this version, one per annotator; accept any of them (the first). */
  annotationIds: string[];
  authors: { id: string; name: string }[];
  label: AnnotationView["label"];
  quoteKind: AnnotationView["quoteKind"];
  speaker: AnnotationView["speaker"];
  start: number;
  end: number;
  exact: string;
}

export interface CurationGroup {
  start: number;
  end: number;
  versions: CurationVersion[];
  /** Every annotator who finished has this one version (span, label, speaker): "accept every unanimous span" takes it. */
  unanimous: boolean;
  /** Curated annotations that overlap the group: it is settled. */
  curatedIds: string[];
}

const versionKey = (a: AnnotationView) => `${a.start}:${a.end}:${a.label}:${a.quoteKind ?? ""}:${a.speakerId ?? ""}`;

/**
 * Groups `annotations` (an annotator's, not curated) by overlap — a span joins a group when it
 * overlaps enough with any span in it — and marks against `curated` what is settled. `finished`:
 * how many annotators marked the document done (unanimous needs two or more).
 */
export function curationGroups(
  annotations: readonly AnnotationView[],
  curated: readonly AnnotationView[],
  finished: number,
): CurationGroup[] {
  const sorted = [...annotations].sort((x, y) => x.start - y.start || x.end - y.end || x.id.localeCompare(y.id));
  const clusters: AnnotationView[][] = [];
  for (const annotation of sorted) {
    // Sorted by start: only recent clusters can still overlap; checking all keeps it simple at tens of spans.
    const home = clusters.find((cluster) => cluster.some((other) => overlapsEnough(other, annotation)));
    if (home) home.push(annotation);
    else clusters.push([annotation]);
  }
  return clusters.map((cluster) => {
    const versions = new Map<string, CurationVersion>();
    for (const a of cluster) {
      const key = versionKey(a);
      let version = versions.get(key);
      if (!version) {
        version = {
          annotationIds: [],
          authors: [],
          label: a.label,
          quoteKind: a.quoteKind,
          speaker: a.speaker,
          start: a.start,
          end: a.end,
          exact: a.exact,
        };
        versions.set(key, version);
      }
      if (version.authors.some((author) => author.id === a.author.id)) continue;
      version.annotationIds.push(a.id);
      version.authors.push(a.author);
    }
    const list = [...versions.values()].sort((x, y) => y.authors.length - x.authors.length);
    const start = Math.min(...cluster.map((a) => a.start));
    const end = Math.max(...cluster.map((a) => a.end));
    return {
      start,
      end,
      versions: list,
      unanimous: finished >= 2 && list.length === 1 && (list[0]?.authors.length ?? 0) === finished,
      curatedIds: curated.filter((c) => cluster.some((a) => overlapsEnough(a, c))).map((c) => c.id),
    };
  });
}
