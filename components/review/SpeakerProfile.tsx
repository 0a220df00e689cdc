"use client";
// A speaker's page: who they are, every annotation attributed to them across the project's
// documents (a page of 100 at a time, in context, with status), reassigning a selection to another
// speaker, merging this speaker into another (confirmed, then undoable for a few seconds) and the
// likely duplicates, each a merge away.

import { useHydrated } from "@/components/ui/use-hydrated";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Announcements } from "@/components/projects/Announcements";
import { InlineConfirm } from "@/components/projects/InlineConfirm";
import projectStyles from "@/components/projects/projects.module.css";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount, formatNumber } from "@/components/ui/format";
import type { SpeakerChoice } from "@/components/workspace/speaker-options";
import { canEditAnnotation, type Role } from "@/lib/auth/roles";
import { ANNOTATION_STATUSES, SPEAKER_KIND_NAMES, STATUS_NAMES, isAnnotationStatus, type AnnotationStatus } from "@/lib/model/vocabulary";
import type { ReviewItem, ReviewQueuePage } from "@/lib/review/review-queue";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { AnnotationInContext, describeItem } from "./AnnotationInContext";
import { SPEAKER_PAGE_SIZE } from "./review-model";
import styles from "./review.module.css";
import { SpeakerPicker, reattribute, speakerOfChoice } from "./SpeakerPicker";

/** How long a merge can be undone from this page. */
const UNDO_MS = 8_000;

export interface DuplicateOf {
  other: SpeakerView;
  reason: string;
}

interface Merged {
  into: SpeakerView;
  moved: number;
  undoable: boolean;
}

function annotationsUrl(speakerId: string, status: AnnotationStatus | "", cursor?: string | null): string {
  const params = new URLSearchParams({ limit: String(SPEAKER_PAGE_SIZE) });
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/speakers/${encodeURIComponent(speakerId)}/annotations?${params}`;
}

export function SpeakerProfile({
  projectId,
  actorId,
  role,
  mayMerge,
  speaker,
  speakers,
  duplicates,
  initialPage,
}: {
  projectId: string;
  actorId: string;
  role: Role;
  /** May change speakers (merge them): whoever may attribute. */
  mayMerge: boolean;
  speaker: SpeakerView;
  /** Every speaker of the project (this one included): the targets of a merge or a reassignment. */
  speakers: SpeakerView[];
  duplicates: DuplicateOf[];
  initialPage: ReviewQueuePage;
}) {
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [status, setStatus] = useState<AnnotationStatus | "">("");
  const [page, setPage] = useState<{ items: ReviewItem[]; nextCursor: string | null; total: number }>(initialPage);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [picking, setPicking] = useState(false);
  const [mergeTarget, setMergeTarget] = useState("");
  const [confirmingMerge, setConfirmingMerge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [merged, setMerged] = useState<Merged | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const mergedMessage = useRef<HTMLParagraphElement>(null);
  const hydrated = useHydrated();
  const mergeButton = useRef<HTMLButtonElement>(null);
  const reassignButton = useRef<HTMLButtonElement>(null);

  const others = speakers.filter((s) => s.id !== speaker.id).sort((a, b) => a.name.localeCompare(b.name));
  const target = others.find((s) => s.id === mergeTarget) ?? null;
  const mayEdit = (item: ReviewItem) => canEditAnnotation(role, item.author.id === actorId);
  const editable = page.items.filter(mayEdit);
  const chosen = page.items.filter((item) => selected.has(item.id));

  useEffect(() => {
    if (!merged) return;
    mergedMessage.current?.focus();
    if (!merged.undoable) return;
    const timer = setTimeout(() => setMerged((m) => (m ? { ...m, undoable: false } : m)), UNDO_MS);
    return () => clearTimeout(timer);
  }, [merged]);

  function say(text: string) {
    setError(null);
    setAnnouncement(text);
  }

  /** Loads the first page (`cursor` null) or the next one; says how many unless `quiet`. */
  async function load(nextStatus: AnnotationStatus | "", cursor: string | null, quiet = false) {
    setLoading(true);
    setError(null);
    try {
      const next = await api<ReviewQueuePage>(annotationsUrl(speaker.id, nextStatus, cursor));
      setPage((current) => (cursor ? { ...next, items: [...current.items, ...next.items] } : next));
      if (!cursor) setSelected(new Set());
      if (!quiet)
        say(
          cursor
            ? `Showing ${formatNumber(page.items.length + next.items.length)} of ${formatCount(next.total, "annotation", "annotations")}.`
            : `${formatCount(next.total, "annotation", "annotations")}${nextStatus ? ` ${STATUS_NAMES[nextStatus].toLowerCase()}` : ""}.`,
        );
    } catch (e) {
      setError(`The annotations could not be loaded: ${errorMessage(e)}`);
    } finally {
      setLoading(false);
    }
  }

  function toggle(itemId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  }

  async function reassign(choice: SpeakerChoice) {
    setPicking(false);
    setBusy(true);
    try {
      const to = await speakerOfChoice(projectId, choice);
      if (to?.id === speaker.id) {
        say(`They are already attributed to ${speaker.name}.`);
        return;
      }
      const ids = chosen.map((item) => item.id);
      const changed = await reattribute(projectId, ids, to?.id ?? null);
      const moved = new Set(ids);
      setPage((current) => ({ ...current, items: current.items.filter((item) => !moved.has(item.id)), total: current.total - changed }));
      setSelected(new Set());
      say(
        `${formatCount(changed, "annotation", "annotations")} now attributed to ${to?.name ?? "no speaker"}; their reviews are pending again.`,
      );
      startTransition(() => router.refresh());
    } catch (e) {
      setError(`Nothing was reassigned: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
      reassignButton.current?.focus();
    }
  }

  function askMerge(targetId: string) {
    setMergeTarget(targetId);
    setConfirmingMerge(true);
    setError(null);
  }

  function cancelMerge() {
    setConfirmingMerge(false);
    mergeButton.current?.focus();
  }

  async function merge() {
    if (!target) return;
    setBusy(true);
    try {
      const result = await api<{ speaker: SpeakerView; moved: number }>(`/api/v1/speakers/${encodeURIComponent(speaker.id)}/merge`, {
        method: "POST",
        json: { into: target.id },
      });
      setConfirmingMerge(false);
      setMerged({ into: result.speaker, moved: result.moved, undoable: true });
      setAnnouncement("");
    } catch (e) {
      setConfirmingMerge(false);
      setError(`${speaker.name} was not merged: ${errorMessage(e)}`);
      mergeButton.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  async function undoMerge() {
    if (!merged) return;
    setBusy(true);
    try {
      const result = await api<{ speaker: SpeakerView; moved: number }>(`/api/v1/speakers/${encodeURIComponent(speaker.id)}/unmerge`, {
        method: "POST",
      });
      setMerged(null);
      await load(status, null, true);
      say(`Merge undone: ${result.speaker.name} is back with ${formatCount(result.moved, "annotation", "annotations")}.`);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(`The merge was not undone: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  if (merged) {
    return (
      <section className={projectStyles.section} aria-labelledby={`${id}-merged`}>
        <div className={styles.undo} role="status">
          <p id={`${id}-merged`} ref={mergedMessage} tabIndex={-1}>
            {speaker.name} was merged into {merged.into.name}: {formatCount(merged.moved, "annotation", "annotations")} moved.
          </p>
          {merged.undoable && (
            <button type="button" disabled={busy} onClick={() => void undoMerge()}>
              Undo
            </button>
          )}
          <Link href={`/projects/${encodeURIComponent(projectId)}/speakers/${encodeURIComponent(merged.into.id)}`}>
            Open {merged.into.name}
          </Link>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p>
          <Link href={`/projects/${encodeURIComponent(projectId)}/speakers`}>All speakers</Link>
        </p>
      </section>
    );
  }

  return (
    <>
      <section className={projectStyles.section} aria-labelledby={`${id}-name`}>
        <p>
          <Link href={`/projects/${encodeURIComponent(projectId)}/speakers`}>All speakers</Link>
        </p>
        <h2 id={`${id}-name`}>{speaker.name}</h2>
        <dl className={styles.details}>
          <dt>Aliases</dt>
          <dd>{speaker.aliases.length > 0 ? speaker.aliases.join(", ") : <span className="muted">none</span>}</dd>
          <dt>Kind</dt>
          <dd>{SPEAKER_KIND_NAMES[speaker.kind]}</dd>
          <dt>Description</dt>
          <dd>{speaker.description ?? <span className="muted">none</span>}</dd>
          <dt>Annotations</dt>
          <dd>{formatNumber(speaker.annotationCount)}</dd>
        </dl>
        <Announcements status={announcement} error={error} />
      </section>

      {mayMerge && (
        <section className={projectStyles.section} aria-labelledby={`${id}-duplicates`}>
          <h2 id={`${id}-duplicates`}>Likely duplicates</h2>
          {duplicates.length === 0 ? (
            <p className="muted">No other speaker looks like the same {speaker.kind === "person" ? "person" : "organisation"}.</p>
          ) : (
            <ul className="list" aria-labelledby={`${id}-duplicates`}>
              {duplicates.map(({ other, reason }) => (
                <li key={other.id}>
                  <span>
                    <Link href={`/projects/${encodeURIComponent(projectId)}/speakers/${encodeURIComponent(other.id)}`}>{other.name}</Link>{" "}
                    <span className="muted">
                      — {reason} ({formatCount(other.annotationCount, "annotation", "annotations")})
                    </span>
                  </span>
                  <button type="button" className="secondary" disabled={busy} onClick={() => askMerge(other.id)}>
                    Merge into {other.name}
                  </button>
                </li>
              ))}
            </ul>
          )}

          <h2 id={`${id}-merge`}>Merge into another speaker</h2>
          <p className={projectStyles.hint}>
            Every annotation of {speaker.name} goes to the other speaker (their reviews stand), “{speaker.name}” and its aliases become
            aliases there, and {speaker.name} is removed. You can undo it for a few seconds afterwards.
          </p>
          {others.length === 0 ? (
            <p className="muted">There is no other speaker to merge into.</p>
          ) : (
            <div className={projectStyles.actions}>
              <label htmlFor={`${id}-target`}>Merge {speaker.name} into</label>
              <select
                id={`${id}-target`}
                value={mergeTarget}
                disabled={busy || confirmingMerge}
                onChange={(e) => setMergeTarget(e.target.value)}
              >
                <option value="">Choose a speaker…</option>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                ref={mergeButton}
                className="secondary"
                disabled={!target || busy || confirmingMerge}
                onClick={() => askMerge(mergeTarget)}
              >
                Merge…
              </button>
            </div>
          )}
          {confirmingMerge && target && (
            <InlineConfirm
              className={styles.inline}
              label={`Confirm merging ${speaker.name} into ${target.name}`}
              question={`Merge ${speaker.name} into ${target.name}? ${formatCount(speaker.annotationCount, "annotation", "annotations")} will be attributed to ${target.name}.`}
              confirmLabel={`Yes, merge into ${target.name}`}
              busyLabel="Merging…"
              busy={busy}
              onConfirm={() => void merge()}
              onCancel={cancelMerge}
            />
          )}
        </section>
      )}

      <section className={projectStyles.section} aria-labelledby={`${id}-annotations`}>
        <h2 id={`${id}-annotations`}>Annotations attributed to {speaker.name}</h2>
        <div className={styles.toolbar}>
          <div className={styles.filter}>
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={status}
              disabled={loading}
              onChange={(e) => {
                const value = e.target.value;
                const next = isAnnotationStatus(value) ? value : "";
                setStatus(next);
                void load(next, null);
              }}
            >
              <option value="">Any status</option>
              {ANNOTATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_NAMES[s]}
                </option>
              ))}
            </select>
          </div>
          {editable.length > 0 && (
            <label className={styles.select}>
              <input
                type="checkbox"
                checked={editable.every((item) => selected.has(item.id))}
                onChange={(e) => setSelected(e.target.checked ? new Set(editable.map((item) => item.id)) : new Set())}
              />
              Select all {formatNumber(editable.length)} shown
            </label>
          )}
        </div>
        <p className="muted">
          Showing {formatNumber(page.items.length)} of {formatCount(page.total, "annotation", "annotations")}.
        </p>

        {page.items.length === 0 ? (
          <p className="muted">{loading ? "Loading…" : "No annotation is attributed to this speaker."}</p>
        ) : (
          <ol className={styles.list} aria-labelledby={`${id}-annotations`} aria-busy={loading}>
            {page.items.map((item) => (
              <li key={item.id}>
                <article className={`${styles.card} ${styles[item.label]}`} aria-label={describeItem(item)}>
                  <AnnotationInContext item={item}>
                    {mayEdit(item) && (
                      <div className={styles.actions}>
                        <label className={styles.select}>
                          <input type="checkbox" checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                          Select<span className="visually-hidden"> “{item.exact}”</span>
                        </label>
                      </div>
                    )}
                  </AnnotationInContext>
                </article>
              </li>
            ))}
          </ol>
        )}
        {page.nextCursor && (
          <div className={styles.more}>
            <button type="button" className="secondary" disabled={loading || !hydrated} onClick={() => void load(status, page.nextCursor)}>
              {loading ? "Loading…" : `Load ${formatNumber(Math.min(SPEAKER_PAGE_SIZE, page.total - page.items.length))} more`}
            </button>
          </div>
        )}

        {chosen.length > 0 && (
          <div className={styles.bulkBar} role="region" aria-label="Selected annotations">
            <span>{formatCount(chosen.length, "annotation", "annotations")} selected</span>
            <button type="button" ref={reassignButton} disabled={busy} aria-expanded={picking} onClick={() => setPicking((open) => !open)}>
              Reassign to another speaker…
            </button>
            <button type="button" className="secondary" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
            {picking && (
              <SpeakerPicker
                label={`Reassign ${formatCount(chosen.length, "annotation", "annotations")} to`}
                speakers={others}
                onChoose={(choice) => void reassign(choice)}
                onCancel={() => {
                  setPicking(false);
                  reassignButton.current?.focus();
                }}
              />
            )}
          </div>
        )}
      </section>
    </>
  );
}
