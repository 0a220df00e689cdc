// The workspace's one client store: the document's annotations, the project's speakers, the
// selected annotation and the unsaved draft. Every change goes through it tagged with its origin —
// "local" (optimistic, made in this browser), "confirmed" (the server's answer to our write) or
// "remote" (another user's change, from the server's change events) — and subscribers (the
// editor's highlights, React through use-workspace-store.ts) receive change sets naming the ids
// added, changed and removed, so they diff instead of rebuilding. Framework-free and unit-tested.
//
// Each annotation is kept as the server last confirmed it (its base, with its version; a deleted
// one leaves its version behind) plus this browser's writes still in flight, applied on top in
// order. What everyone sees is the base with those writes applied. So a remote change arriving
// under an optimistic edit moves the base and the edit stays on top until the server answers; a
// refused write is dropped and what shows falls back to the base; and a server change whose
// version is not newer than the base — a stale event, or the echo of our own confirmed write — is
// ignored.
//
// It also holds the document's suggestions (proposed quotes, lib/suggestions/). One is shown unless
// it overlaps an annotation — one shown now, optimistic or a colleague's just arrived
// (lib/suggestions/covered-spans.ts) — or is being accepted or dismissed; accepting one is an
// optimistic create in the same change that hides it. Change sets name the suggestions shown and
// hidden, so the highlights follow them as they follow annotations.

import { toRecord, type AnnotationRecord } from "@/lib/annotations/annotation-record";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import type { ChangeKind } from "@/lib/changes/change-kinds";
import type { Label } from "@/lib/model/vocabulary";
import { speakerNameKey } from "@/lib/speakers/speaker-name";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { overlapTest } from "@/lib/suggestions/covered-spans";
import type { SuggestionView } from "@/lib/suggestions/suggestions";

export type { AnnotationRecord };

export type Origin = "local" | "confirmed" | "remote";

export interface StoredAnnotation extends AnnotationRecord {
  /**
   * Set while only this browser has the annotation (an optimistic create the server has not
   * confirmed); `speakerName` is the speaker typed for it when that speaker is being created too.
   */
  readonly pending?: { readonly speakerName: string | null };
}

/** A suggested quote, as the API lists it (the browser slices its quote from the text). */
export type SuggestionRecord = SuggestionView;

/** What else a decision on a suggestion changes in the same change: the selection. */
export interface SuggestionDecision {
  select?: string | null;
}

/** The fields a local edit may change. */
export type AnnotationPatch = Partial<Pick<AnnotationRecord, "label" | "quoteKind" | "speakerId" | "note" | "status">>;

/** A span being tagged: highlighted, not yet saved, not listed. */
export interface DraftAnnotation {
  /** A temporary id; the optimistic annotation keeps it until the server gives it its own. */
  readonly id: string;
  readonly label: Label;
  /** Code points, half-open. */
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  /** Where the attribution popup sits, relative to the article. */
  readonly anchor: { readonly top: number; readonly left: number };
}

/**
 * A snapshot: replaced, never changed, by each change. (Annotations by id are looked up with
 * store.get: a map in every snapshot would be a copy of 20,000 entries per change.)
 */
export interface WorkspaceState {
  /** In text order (start, end, id), optimistic ones included. */
  readonly annotations: readonly StoredAnnotation[];
  /** By name (ignoring case and spacing). */
  readonly speakers: readonly SpeakerView[];
  readonly speakerById: ReadonlyMap<string, SpeakerView>;
  /** An annotation's id, or a shown suggestion's. */
  readonly selectedId: string | null;
  readonly draft: DraftAnnotation | null;
  /** The suggestions shown, in text order (start, end, id). */
  readonly suggestions: readonly SuggestionRecord[];
}

/** What one change did. Ids are annotation ids; `speakers` lists speakers added, changed or removed. */
export interface StoreChange {
  readonly origin: Origin;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly speakers: readonly string[];
  /** The annotations added, changed or removed, as they were before (undefined: not there). */
  readonly before: ReadonlyMap<string, StoredAnnotation | undefined>;
  /** Suggestions shown by this change, and those no longer shown (as they were). */
  readonly suggestions: { readonly shown: readonly SuggestionRecord[]; readonly hidden: readonly SuggestionRecord[] };
  /** The states before and after the change, for subscribers that diff what they show. */
  readonly previous: WorkspaceState;
  readonly state: WorkspaceState;
}

/** A local write in flight: the server's answer confirms it, a refusal rolls it back. Either ends it. */
export interface PendingWrite<Result> {
  confirm(result: Result): void;
  rollback(): void;
}

/**
 * A change made by someone else, as the server's change events carry it (kind, and the subject's
 * view after the change, or before it for a deletion). Kinds the workspace has no use for, and
 * annotations of other documents, are ignored.
 */
export type RemoteChange =
  | { kind: Extract<ChangeKind, "annotation.created" | "annotation.updated" | "annotation.restored">; after: AnnotationView }
  /** A review sets the status (who, when, why) and leaves the version as it was. */
  | { kind: Extract<ChangeKind, "annotation.reviewed">; after: AnnotationView }
  /**
   * The stream sends a deletion as its id and document only; `version`, when known, tells a stale
   * deletion apart. Without it the deletion applies to whatever version is known: the stream
   * delivers changes in order, so nothing newer can have been seen before it.
   */
  | { kind: Extract<ChangeKind, "annotation.deleted">; before: Pick<AnnotationView, "id" | "documentId"> & { version?: number } }
  | { kind: Extract<ChangeKind, "speaker.created" | "speaker.updated">; after: SpeakerView }
  /**
   * Merged into another speaker and gone from the project. Its annotations come as their own
   * annotation.updated events (the merge moves them through the write path); what is left here is
   * to take it off the list, so nobody attributes a new annotation to a speaker that is no more.
   */
  | { kind: Extract<ChangeKind, "speaker.merged">; before: { id: string; into: string } };

export interface WorkspaceStore {
  getState(): WorkspaceState;
  /** The annotation with this id as it shows now. */
  get(id: string): StoredAnnotation | undefined;
  /** Calls `listener` after each change; returns the function that unsubscribes it. */
  subscribe(listener: (change: StoreChange) => void): () => void;

  /** Shows a new annotation at once (it replaces the draft of the same id). */
  createLocal(record: AnnotationRecord, options?: { speakerName?: string | null }): PendingWrite<AnnotationView>;
  updateLocal(id: string, patch: AnnotationPatch): PendingWrite<AnnotationView>;
  deleteLocal(id: string): PendingWrite<void>;
  /** A server answer that is no reply to a pending write: a restored annotation, a 409's current version. */
  putConfirmed(annotation: AnnotationView): void;
  putSpeaker(speaker: SpeakerView): void;
  /** Changes made by other users, applied as one change; stale ones and our own echoes are skipped. */
  applyRemote(changes: readonly RemoteChange[]): void;

  /** The suggestion with this id, if it is shown now. */
  getSuggestion(id: string): SuggestionRecord | undefined;
  /** The document's pending suggestions, in place of those known (after computing them anew). */
  setSuggestions(suggestions: readonly SuggestionRecord[]): void;
  /**
   * Accepts a suggestion at once: in one change it is hidden and `record` (its annotation, with a
   * temporary id) shows as an optimistic create — and `select`, when given, is selected (the next
   * suggestion: one change redraws the article once). The server's annotation confirms both; a
   * refusal brings the suggestion back.
   */
  acceptSuggestionLocal(
    suggestionId: string,
    record: AnnotationRecord,
    options?: SuggestionDecision & { speakerName?: string | null },
  ): PendingWrite<AnnotationView>;
  /** Hides a suggestion at once (and selects `select`, when given); confirmed when the server has dismissed it, shown again if it refused. */
  dismissSuggestionLocal(suggestionId: string, options?: SuggestionDecision): PendingWrite<void>;

  select(id: string | null): void;
  /** Starts or ends the draft; a draft clears the selection (its popup is modal). */
  setDraft(draft: DraftAnnotation | null): void;
}

/** An annotation made in this browser, before the server has it: pending, unreviewed, version 0. */
export function unsavedAnnotation(
  fields: Pick<AnnotationRecord, "id" | "label" | "quoteKind" | "start" | "end" | "exact" | "speakerId" | "author">,
): AnnotationRecord {
  return { ...fields, note: null, status: "pending", reviewedBy: null, reviewedAt: null, reviewReason: null, version: 0 };
}

/** Text order: by start, then end, then id (the API's order). */
export function byTextOrder(a: Pick<AnnotationRecord, "start" | "end" | "id">, b: Pick<AnnotationRecord, "start" | "end" | "id">): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function bySpeakerName(a: SpeakerView, b: SpeakerView): number {
  const ka = speakerNameKey(a.name);
  const kb = speakerNameKey(b.name);
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type Op = { seq: number } & (
  { kind: "create"; record: StoredAnnotation } | { kind: "update"; patch: AnnotationPatch } | { kind: "delete" }
);

interface Entry {
  /** As the server last confirmed it; null when deleted or never saved. */
  base: AnnotationRecord | null;
  /** The base's version, or the version the annotation had when deleted; 0 when never saved. */
  version: number;
  /** This browser's writes in flight, oldest first. */
  ops: Op[];
  /**
   * A create in flight whose own event came back before the server's answer did: the server's
   * annotation (this id) is shown, and this temporary one is not, until the answer ends it.
   */
  echoedAs?: string;
}

function visibleOf(entry: Entry): StoredAnnotation | null {
  if (entry.echoedAs) return null;
  let current: StoredAnnotation | null = entry.base;
  for (const op of entry.ops) {
    if (op.kind === "create") current = op.record;
    else if (op.kind === "update") current = current && { ...current, ...op.patch };
    else current = null;
  }
  return current;
}

/** Index of `record` in the text-ordered `list`, or where it would go. */
function indexOf(list: readonly StoredAnnotation[], record: Pick<AnnotationRecord, "start" | "end" | "id">): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byTextOrder(list[mid] as StoredAnnotation, record) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedSuggestions(list: readonly SuggestionRecord[]): SuggestionRecord[] {
  return [...list].sort(byTextOrder);
}

const NOTHING_SHOWN: StoreChange["suggestions"] = { shown: [], hidden: [] };

/** Above this many annotations changed at once, the text order is rebuilt by sorting. */
const SPLICE_LIMIT = 64;

type MutableState = { -readonly [K in keyof WorkspaceState]: WorkspaceState[K] };

export function createWorkspaceStore(initial: {
  documentId: string;
  annotations: readonly AnnotationRecord[];
  speakers: readonly SpeakerView[];
  suggestions?: readonly SuggestionRecord[];
}): WorkspaceStore {
  const annotations = [...initial.annotations];
  // The page sends them in text order; sort only if it did not.
  if (annotations.some((a, i) => i > 0 && byTextOrder(annotations[i - 1] as StoredAnnotation, a) > 0)) annotations.sort(byTextOrder);
  const speakers = [...initial.speakers].sort(bySpeakerName);
  // What shows, by id: changed in place (a change set says what each touched id was before).
  const visible = new Map<string, StoredAnnotation>(annotations.map((a) => [a.id, a]));

  // Every pending suggestion known, in text order; those being accepted or dismissed (`taken`) and
  // those done with (`decided`) are not shown, nor those an annotation overlaps.
  let suggestions = sortedSuggestions(initial.suggestions ?? []);
  const taken = new Set<string>();
  const decided = new Set<string>();
  function shownSuggestions(annotationList: readonly StoredAnnotation[]): SuggestionRecord[] {
    if (suggestions.length === 0) return [];
    const overlapsAnnotation = overlapTest(annotationList, true);
    return suggestions.filter((s) => !taken.has(s.id) && !decided.has(s.id) && !overlapsAnnotation(s));
  }
  const initiallyShown = shownSuggestions(annotations);
  let shownById = new Map(initiallyShown.map((s) => [s.id, s]));

  let state: WorkspaceState = {
    annotations,
    speakers,
    speakerById: new Map(speakers.map((s) => [s.id, s])),
    selectedId: null,
    draft: null,
    suggestions: initiallyShown,
  };
  const listeners = new Set<(change: StoreChange) => void>();
  let seq = 0;

  // The annotations that have changed since the page loaded, or have writes in flight. One that
  // has not is its visible record. Deleted ones stay, without a base: their version tells a stale
  // event apart.
  const entries = new Map<string, Entry>();
  function entryOf(id: string): Entry {
    let entry = entries.get(id);
    if (!entry) {
      const loaded = visible.get(id);
      entries.set(id, (entry = { base: loaded ?? null, version: loaded?.version ?? 0, ops: [] }));
    }
    return entry;
  }

  /** Changes asked for while listeners are being told of one: made after, in order. */
  let notifying = false;
  const queued: (() => void)[] = [];

  /**
   * Runs `mutate`, which changes entries and returns the annotation ids it touched (and may change
   * speakers, the selection or the draft through `next`), then publishes one change set. A change
   * asked for by a listener waits until every listener has had this one, so each listener sees the
   * store as this change left it.
   */
  function commit(
    origin: Origin,
    mutate: (next: MutableState) => {
      touched?: Iterable<string>;
      speakers?: string[];
      /** The suggestions (or which are taken or decided) changed. */
      suggestions?: boolean;
    },
  ): void {
    if (notifying) {
      queued.push(() => commit(origin, mutate));
      return;
    }
    try {
      publish(origin, mutate);
    } finally {
      queued.shift()?.();
    }
  }

  function publish(origin: Origin, mutate: Parameters<typeof commit>[1]): void {
    const previous = state;
    const next = { ...state };
    const { touched = [], speakers: speakerIds = [], suggestions: suggestionsChanged = false } = mutate(next);
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    const before = new Map<string, StoredAnnotation | undefined>();
    const moves: { before: StoredAnnotation | undefined; after: StoredAnnotation | null }[] = [];
    for (const id of new Set(touched)) {
      const entry = entryOf(id);
      const after = visibleOf(entry);
      // A temporary id that is done with (confirmed under the server's id, or rolled back).
      if (!entry.base && entry.ops.length === 0 && entry.version === 0) entries.delete(id);
      const old = visible.get(id);
      if (old === (after ?? undefined)) continue;
      if (!old) added.push(id);
      else if (!after) removed.push(id);
      else changed.push(id);
      before.set(id, old);
      moves.push({ before: old, after });
      if (after) visible.set(id, after);
      else visible.delete(id);
    }
    if (moves.length > 0) {
      if (moves.length > SPLICE_LIMIT) {
        next.annotations = [...visible.values()].sort(byTextOrder);
      } else {
        const list = previous.annotations.slice();
        for (const { before: old, after } of moves) {
          if (old && after && byTextOrder(old, after) === 0) {
            list[indexOf(list, old)] = after;
            continue;
          }
          if (old) list.splice(indexOf(list, old), 1);
          if (after) list.splice(indexOf(list, after), 0, after);
        }
        next.annotations = list;
      }
    }
    // What annotations cover, or the suggestions themselves, may have changed what is shown.
    let suggestionChange = NOTHING_SHOWN;
    if (moves.length > 0 || suggestionsChanged) {
      const list = shownSuggestions(next.annotations);
      const nowById = new Map(list.map((s) => [s.id, s]));
      const shown = list.filter((s) => shownById.get(s.id) !== s);
      const hidden = previous.suggestions.filter((s) => nowById.get(s.id) !== s);
      if (shown.length > 0 || hidden.length > 0) {
        next.suggestions = list;
        shownById = nowById;
        suggestionChange = { shown, hidden };
      }
      if (next.selectedId !== null && !visible.has(next.selectedId) && !shownById.has(next.selectedId)) next.selectedId = null;
    }
    const selectionMoved = next.selectedId !== previous.selectedId;
    const suggestionsMoved = next.suggestions !== previous.suggestions;
    if (moves.length === 0 && speakerIds.length === 0 && !selectionMoved && next.draft === previous.draft && !suggestionsMoved) return;
    state = next;
    const change: StoreChange = {
      origin,
      added,
      changed,
      removed,
      speakers: speakerIds,
      suggestions: suggestionChange,
      before,
      previous,
      state: next,
    };
    notifying = true;
    try {
      for (const listener of listeners) listener(change);
    } finally {
      notifying = false;
    }
  }

  /** A server version of an annotation, unless we already know this version or a newer one. */
  function putServerRecord(view: AnnotationRecord): string[] {
    const entry = entryOf(view.id);
    if (view.version <= entry.version) return [];
    entry.base = toRecord(view);
    entry.version = view.version;
    return [view.id];
  }

  /**
   * The event of an annotation we created can arrive before the answer to our POST: the pending
   * create of the same author, label and span is that annotation, so it steps aside (the selection
   * follows) instead of showing twice.
   */
  function hideEchoedCreate(next: MutableState, created: AnnotationRecord): string[] {
    for (const [id, entry] of entries) {
      const op = entry.ops[0];
      if (entry.base || entry.echoedAs || op?.kind !== "create") continue;
      const mine = op.record;
      if (mine.author.id !== created.author.id || mine.label !== created.label) continue;
      if (mine.start !== created.start || mine.end !== created.end) continue;
      entry.echoedAs = created.id;
      if (next.selectedId === id) next.selectedId = created.id;
      return [id];
    }
    return [];
  }

  /** `settle`, when given, runs in the change that ends the write (true: confirmed) and may change the suggestions. */
  function pendingWrite<Result>(
    id: string,
    op: Op,
    onConfirm: (result: Result, entry: Entry, next: MutableState) => string[],
    settle?: (confirmed: boolean) => void,
  ): PendingWrite<Result> {
    let done = false;
    const finish = (origin: Origin, apply: (entry: Entry, next: MutableState) => string[]) => {
      if (done) return;
      done = true;
      commit(origin, (next) => {
        const entry = entryOf(id);
        entry.ops = entry.ops.filter((o) => o.seq !== op.seq);
        settle?.(origin === "confirmed");
        return { touched: [id, ...apply(entry, next)], suggestions: settle !== undefined };
      });
    };
    return {
      confirm: (result) => finish("confirmed", (entry, next) => onConfirm(result, entry, next)),
      rollback: () => finish("local", () => []),
    };
  }

  /** Ends a suggestion's acceptance or dismissal: done with (confirmed), or shown again. */
  const settleSuggestion = (suggestionId: string) => (confirmed: boolean) => {
    taken.delete(suggestionId);
    if (confirmed) decided.add(suggestionId);
  };

  /** An optimistic create of `record` (the op's record), as createLocal and acceptSuggestionLocal make it. */
  function createOp(record: AnnotationRecord, speakerName: string | null | undefined): Op {
    return { seq: ++seq, kind: "create", record: { ...toRecord(record), pending: { speakerName: speakerName ?? null } } };
  }

  /** The server gave the created annotation its own id: the temporary one goes, and a selection follows it. */
  const confirmCreate =
    (temporaryId: string) =>
    (saved: AnnotationView, _entry: Entry, next: MutableState): string[] => {
      if (next.selectedId === temporaryId) next.selectedId = saved.id;
      return [...putServerRecord(saved), saved.id];
    };

  function speakerChange(next: { speakers: readonly SpeakerView[]; speakerById: ReadonlyMap<string, SpeakerView> }, speaker: SpeakerView) {
    const old = next.speakerById.get(speaker.id);
    const list = old ? next.speakers.filter((s) => s.id !== speaker.id) : next.speakers.slice();
    let at = list.length;
    while (at > 0 && bySpeakerName(list[at - 1] as SpeakerView, speaker) > 0) at--;
    list.splice(at, 0, speaker);
    next.speakers = list;
    next.speakerById = new Map(next.speakerById).set(speaker.id, speaker);
  }

  return {
    getState: () => state,
    get: (id) => visible.get(id),

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    createLocal(record, options = {}) {
      const op = createOp(record, options.speakerName);
      commit("local", (next) => {
        entryOf(record.id).ops.push(op);
        if (next.draft?.id === record.id) next.draft = null;
        return { touched: [record.id] };
      });
      return pendingWrite<AnnotationView>(record.id, op, confirmCreate(record.id));
    },

    updateLocal(id, patch) {
      const op: Op = { seq: ++seq, kind: "update", patch };
      commit("local", () => {
        entryOf(id).ops.push(op);
        return { touched: [id] };
      });
      return pendingWrite<AnnotationView>(id, op, (saved) => putServerRecord(saved));
    },

    deleteLocal(id) {
      const op: Op = { seq: ++seq, kind: "delete" };
      commit("local", () => {
        entryOf(id).ops.push(op);
        return { touched: [id] };
      });
      return pendingWrite<void>(id, op, (_, entry) => {
        entry.base = null;
        return [];
      });
    },

    putConfirmed(annotation) {
      commit("confirmed", () => ({ touched: putServerRecord(annotation) }));
    },

    putSpeaker(speaker) {
      commit("confirmed", (next) => {
        speakerChange(next, speaker);
        return { speakers: [speaker.id] };
      });
    },

    applyRemote(changes) {
      commit("remote", (next) => {
        const touched: string[] = [];
        const speakerIds: string[] = [];
        for (const change of changes) {
          switch (change.kind) {
            case "annotation.created":
              if (change.after.documentId !== initial.documentId) break;
              touched.push(...putServerRecord(change.after), ...hideEchoedCreate(next, change.after));
              break;
            case "annotation.updated":
            case "annotation.restored":
              if (change.after.documentId === initial.documentId) touched.push(...putServerRecord(change.after));
              break;
            case "annotation.reviewed": {
              const { after } = change;
              if (after.documentId !== initial.documentId) break;
              const entry = entryOf(after.id);
              // Same version, new review: applied unless the annotation has moved on (or is gone).
              if (!entry.base || after.version !== entry.version) break;
              entry.base = {
                ...entry.base,
                status: after.status,
                reviewedBy: after.reviewedBy,
                reviewedAt: after.reviewedAt,
                reviewReason: after.reviewReason,
              };
              touched.push(after.id);
              break;
            }
            case "annotation.deleted": {
              const { before } = change;
              if (before.documentId !== initial.documentId) break;
              const entry = entryOf(before.id);
              const version = before.version ?? entry.version;
              // Deleting a version older than the one we know is stale: it was restored since. An
              // echo of our own deletion finds nothing left to delete.
              if (version < entry.version) break;
              entry.base = null;
              entry.version = version;
              touched.push(before.id);
              break;
            }
            case "speaker.created":
            case "speaker.updated":
              speakerChange(next, change.after);
              speakerIds.push(change.after.id);
              break;
            case "speaker.merged": {
              const { id } = change.before;
              if (!next.speakerById.has(id)) break;
              next.speakers = next.speakers.filter((s) => s.id !== id);
              const byId = new Map(next.speakerById);
              byId.delete(id);
              next.speakerById = byId;
              speakerIds.push(id);
              break;
            }
          }
        }
        return { touched, speakers: speakerIds };
      });
    },

    getSuggestion: (id) => shownById.get(id),

    setSuggestions(list) {
      commit("confirmed", () => {
        suggestions = sortedSuggestions(list);
        decided.clear();
        return { suggestions: true };
      });
    },

    acceptSuggestionLocal(suggestionId, record, options = {}) {
      const op = createOp(record, options.speakerName);
      commit("local", (next) => {
        taken.add(suggestionId);
        if (options.select !== undefined) next.selectedId = options.select;
        entryOf(record.id).ops.push(op);
        return { touched: [record.id], suggestions: true };
      });
      return pendingWrite<AnnotationView>(record.id, op, confirmCreate(record.id), settleSuggestion(suggestionId));
    },

    dismissSuggestionLocal(suggestionId, options = {}) {
      commit("local", (next) => {
        taken.add(suggestionId);
        if (options.select !== undefined) next.selectedId = options.select;
        return { suggestions: true };
      });
      let done = false;
      const finish = (confirmed: boolean) => {
        if (done) return;
        done = true;
        commit(confirmed ? "confirmed" : "local", () => {
          settleSuggestion(suggestionId)(confirmed);
          return { suggestions: true };
        });
      };
      return { confirm: () => finish(true), rollback: () => finish(false) };
    },

    select(id) {
      commit("local", (next) => {
        next.selectedId = id !== null && (visible.has(id) || shownById.has(id)) ? id : null;
        return {};
      });
    },

    setDraft(draft) {
      commit("local", (next) => {
        next.draft = draft;
        if (draft) next.selectedId = null;
        return {};
      });
    },
  };
}
