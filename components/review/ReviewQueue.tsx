"use client";
// The review page's queue: each annotation in its sentence, filters, this session's progress, and
// the keyboard — A accept, R reject (with a reason), S change speaker, E open in the workspace,
// J/K move, X select, Shift+A accept the selected (or every filtered) annotation after confirming.
// The next page is fetched before the list runs out; the project's live stream drops what a
// colleague reviewed or deleted and updates what they changed. Every action is announced.

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import {
  useCallback,
  useEffect,
  useId,
  useReducer,
  useRef,
  useState,
  type ComponentProps,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
} from "react";
import { Announcements } from "@/components/projects/Announcements";
import { publishPendingCount } from "@/components/projects/pending-reviews";
import projectStyles from "@/components/projects/projects.module.css";
import { useProjectEvents, type LiveEvent } from "@/components/projects/use-project-events";
import { ApiRequestError, api, errorMessage } from "@/components/ui/api-client";
import { formatCount, formatNumber } from "@/components/ui/format";
import type { SpeakerChoice } from "@/components/workspace/speaker-options";
import type { AnnotationView } from "@/lib/annotations/annotation-view";
import {
  ANNOTATION_STATUSES,
  LABEL_INFO,
  LABELS,
  STATUS_NAMES,
  isAnnotationStatus,
  isLabel,
  type AnnotationStatus,
} from "@/lib/model/vocabulary";
import type { ReviewItem, ReviewQueuePage } from "@/lib/review/review-queue";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { AnnotationInContext, describeItem } from "./AnnotationInContext";
import {
  REVIEW_PAGE_SIZE,
  annotationOf,
  filtersToQuery,
  initialQueue,
  matchesFilters,
  queueReducer,
  reviewQueueUrl,
  type ReviewFilters,
} from "./review-model";
import styles from "./review.module.css";
import { SpeakerPicker, reattribute, speakerOfChoice } from "./SpeakerPicker";
import { isTypingTarget } from "@/components/ui/keyboard";
import { workspaceHref } from "@/components/ui/links";

/** How close to the end of the loaded items the next page is fetched. */
const PREFETCH_WITHIN = 10;
/** Accepting every filtered annotation: ids are read 1,000 at a time, reviews sent 4 at a time. */
const BULK_PAGE = 1000;
const BULK_PARALLEL = 4;

export interface Option {
  id: string;
  name: string;
}

type Mode = { kind: "browse" } | { kind: "reject"; id: string } | { kind: "speaker"; id: string };

/** An action button showing its shortcut; the key is announced through aria-keyshortcuts, not read as text. */
function ShortcutButton({ shortcut, children, ...props }: ComponentProps<"button"> & { shortcut: string }) {
  return (
    <button type="button" aria-keyshortcuts={shortcut} {...props}>
      {children}
      <kbd className={styles.key} aria-hidden="true">
        {shortcut}
      </kbd>
    </button>
  );
}

const short = (item: ReviewItem) => `“${item.exact.length > 60 ? `${item.exact.slice(0, 57)}…` : item.exact}”`;

export function ReviewQueue({
  projectId,
  since,
  actorId,
  mayReview,
  initialFilters,
  initialPage,
  speakers: initialSpeakers,
  members,
  documents,
}: {
  projectId: string;
  /** The event the page's data was read after (the live stream resumes there). */
  since?: string;
  actorId: string;
  mayReview: boolean;
  initialFilters: ReviewFilters;
  initialPage: ReviewQueuePage;
  speakers: SpeakerView[];
  members: Option[];
  documents: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [filters, setFilters] = useState(initialFilters);
  const [queue, dispatch] = useReducer(queueReducer, initialPage, initialQueue);
  const [speakers, setSpeakers] = useState(initialSpeakers);
  const [mode, setMode] = useState<Mode>({ kind: "browse" });
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [filtering, setFiltering] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ target: "checked" | "all"; count: number } | null>(null);
  const [bulk, setBulk] = useState<{ done: number; total: number } | null>(null);

  // The event handler and the page fetches read the latest state through these.
  const queueRef = useRef(queue);
  const filtersRef = useRef(filters);
  useEffect(() => {
    queueRef.current = queue;
    filtersRef.current = filters;
  });
  /** Bumped when the filters change: answers for older filters are dropped. */
  const generation = useRef(0);
  const fetchingMore = useRef(false);
  /** Annotations with a review on its way: a second key press before the list moves on does nothing. */
  const reviewing = useRef(new Set<string>());
  const cards = useRef(new Map<string, HTMLElement>());
  /** Set by an action that moves the selection: the selected card takes focus after the render. */
  const focusSelected = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);

  const { items, total, reviewed, selectedId, nextCursor } = queue;
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  const selected = selectedIndex >= 0 ? (items[selectedIndex] as ReviewItem) : null;
  const checkedItems = items.filter((item) => checked.has(item.id));
  const isDefaultQueue = filtersToQuery(filters) === "";

  // The Review tab shows the pending count; this page knows it best while it is open.
  useEffect(() => {
    if (isDefaultQueue) publishPendingCount(projectId, total);
  }, [isDefaultQueue, projectId, total]);

  useEffect(() => {
    if (!focusSelected.current || mode.kind !== "browse" || selectedId === null) return;
    focusSelected.current = false;
    const card = cards.current.get(selectedId);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: "nearest" });
  });

  const loadMore = useCallback(async () => {
    const cursor = queueRef.current.nextCursor;
    if (!cursor || fetchingMore.current) return;
    fetchingMore.current = true;
    const generationAtStart = generation.current;
    setLoadingMore(true);
    setLoadError(null);
    try {
      const page = await api<ReviewQueuePage>(reviewQueueUrl(projectId, filtersRef.current, REVIEW_PAGE_SIZE, cursor));
      if (generationAtStart === generation.current) dispatch({ type: "append", page });
    } catch (e) {
      if (generationAtStart === generation.current) setLoadError(`The next annotations could not be loaded: ${errorMessage(e)}`);
    } finally {
      fetchingMore.current = false;
      setLoadingMore(false);
    }
  }, [projectId]);

  // The next page arrives before the reviewer reaches the end of the loaded items.
  const remainingAhead = items.length - Math.max(selectedIndex, 0);
  useEffect(() => {
    if (nextCursor && !filtering && loadError === null && remainingAhead <= PREFETCH_WITHIN) void loadMore();
  }, [nextCursor, filtering, loadError, remainingAhead, loadMore]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (confirming && !element.open) element.showModal();
    if (!confirming && element.open) element.close();
  }, [confirming]);

  function announce(text: string) {
    setError(null);
    setAnnouncement(text);
  }

  function progressAfter(left: number): string {
    return `${formatNumber(reviewed + left)} of ${formatNumber(reviewed + total)} reviewed.`;
  }

  function select(itemId: string, focus: boolean) {
    dispatch({ type: "select", id: itemId });
    if (focus) focusSelected.current = true;
  }

  function step(delta: number) {
    if (items.length === 0) return;
    const next = Math.min(items.length - 1, Math.max(0, selectedIndex + delta));
    select((items[next] as ReviewItem).id, true);
    if (next === selectedIndex && delta > 0 && !nextCursor) announce("This is the last annotation in the queue.");
    if (next === selectedIndex && delta < 0) announce("This is the first annotation in the queue.");
  }

  async function review(item: ReviewItem, status: AnnotationStatus, reason: string | null) {
    if (reviewing.current.has(item.id)) return;
    reviewing.current.add(item.id);
    const index = items.findIndex((i) => i.id === item.id);
    const stays = matchesFilters({ ...item, status }, filters);
    const verb = status === "accepted" ? "Accepted" : "Rejected";
    focusSelected.current = true;
    if (!stays) dispatch({ type: "left", id: item.id, mine: true });
    announce(`${verb} ${short(item)}.${stays ? "" : ` ${progressAfter(1)}`}`);
    try {
      const view = await api<AnnotationView>(`/api/v1/annotations/${encodeURIComponent(item.id)}/review`, {
        method: "POST",
        json: reason ? { status, reason } : { status },
      });
      if (stays) dispatch({ type: "changed", view, filters: filtersRef.current });
    } catch (e) {
      if (!stays) dispatch({ type: "restore", item, index, mine: true });
      if (e instanceof ApiRequestError && e.status === 404) dispatch({ type: "left", id: item.id, mine: false });
      setAnnouncement("");
      setError(`${short(item)} was not ${verb.toLowerCase()}: ${errorMessage(e)}`);
    } finally {
      reviewing.current.delete(item.id);
    }
  }

  async function changeSpeaker(item: ReviewItem, choice: SpeakerChoice) {
    setMode({ kind: "browse" });
    focusSelected.current = true;
    try {
      const speaker = await speakerOfChoice(projectId, choice);
      if ((speaker?.id ?? null) === item.speakerId) {
        announce(`${short(item)} is already attributed to ${speaker?.name ?? "no speaker"}.`);
        return;
      }
      if (speaker && !speakers.some((s) => s.id === speaker.id)) setSpeakers((all) => [...all, speaker]);
      await reattribute(projectId, [item.id], speaker?.id ?? null);
      const view: AnnotationView = {
        ...annotationOf(item),
        speakerId: speaker?.id ?? null,
        speaker: speaker ? { id: speaker.id, name: speaker.name } : null,
        // Another speaker is another attribution: the server puts it back to pending.
        status: "pending",
        reviewedBy: null,
        reviewedAt: null,
        reviewReason: null,
        version: item.version + 1,
      };
      const stays = matchesFilters(view, filters);
      dispatch({ type: "changed", view, filters });
      announce(
        `${short(item)} is now attributed to ${speaker?.name ?? "no speaker"}${
          stays ? " and waits for review" : "; it no longer matches the filters"
        }.`,
      );
    } catch (e) {
      setError(`The speaker of ${short(item)} was not changed: ${errorMessage(e)}`);
    }
  }

  function toggleChecked(itemId: string) {
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  }

  function askBulk() {
    if (checkedItems.length > 0) setConfirming({ target: "checked", count: checkedItems.length });
    else if (total > 0) setConfirming({ target: "all", count: total });
    else announce("There is nothing to accept.");
  }

  function closeBulk() {
    setConfirming(null);
    focusSelected.current = true;
  }

  /** The ids of every annotation the filters match now, read a page at a time. */
  async function allFilteredIds(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ReviewQueuePage = await api<ReviewQueuePage>(reviewQueueUrl(projectId, filters, BULK_PAGE, cursor));
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  async function acceptMany(target: "checked" | "all") {
    setConfirming(null);
    focusSelected.current = true;
    announce(target === "all" ? "Finding the annotations to accept…" : "");
    let ids: string[];
    try {
      ids = target === "checked" ? checkedItems.map((item) => item.id) : await allFilteredIds();
    } catch (e) {
      setError(`Nothing was accepted: ${errorMessage(e)}`);
      return;
    }
    const progress = { done: 0, accepted: 0, failed: 0 };
    setBulk({ done: 0, total: ids.length });
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const annotationId = ids[next++] as string;
        try {
          const view = await api<AnnotationView>(`/api/v1/annotations/${encodeURIComponent(annotationId)}/review`, {
            method: "POST",
            json: { status: "accepted" },
          });
          if (matchesFilters(view, filtersRef.current)) dispatch({ type: "changed", view, filters: filtersRef.current });
          else dispatch({ type: "left", id: annotationId, mine: true });
          progress.accepted++;
        } catch {
          progress.failed++;
        }
        progress.done++;
        setBulk({ done: progress.done, total: ids.length });
      }
    };
    await Promise.all(Array.from({ length: BULK_PARALLEL }, worker));
    setBulk(null);
    setChecked(new Set());
    const failed = progress.failed > 0 ? ` ${formatCount(progress.failed, "annotation", "annotations")} could not be accepted.` : "";
    announce(`Accepted ${formatCount(progress.accepted, "annotation", "annotations")}.${failed}`);
    if (progress.failed > 0) setError(`${formatCount(progress.failed, "annotation was", "annotations were")} not accepted; try again.`);
  }

  async function changeFilters(next: ReviewFilters) {
    const generationNow = ++generation.current;
    setFilters(next);
    setChecked(new Set());
    setMode({ kind: "browse" });
    setLoadError(null);
    setFiltering(true);
    const query = filtersToQuery(next);
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    try {
      const page = await api<ReviewQueuePage>(reviewQueueUrl(projectId, next, REVIEW_PAGE_SIZE));
      if (generationNow !== generation.current) return;
      dispatch({ type: "reset", page });
      announce(`${formatCount(page.total, "annotation matches", "annotations match")} the filters.`);
    } catch (e) {
      if (generationNow === generation.current) setLoadError(`The queue could not be loaded: ${errorMessage(e)}`);
    } finally {
      if (generationNow === generation.current) setFiltering(false);
    }
  }

  function onEvent(event: LiveEvent) {
    const current = queueRef.current;
    const byColleague = event.actor !== null && event.actor.id !== actorId;
    const who = event.actor?.name ?? "Someone";
    switch (event.kind) {
      case "annotation.updated":
      case "annotation.reviewed": {
        const before = current.items.find((item) => item.id === event.data.id);
        if (!before) return;
        const leaves = !matchesFilters(event.data, filtersRef.current);
        if (leaves && cards.current.get(before.id)?.contains(document.activeElement)) focusSelected.current = true;
        dispatch({ type: "changed", view: event.data, filters: filtersRef.current });
        if (!byColleague) return;
        const what = event.kind === "annotation.reviewed" ? `${STATUS_NAMES[event.data.status].toLowerCase()}` : "changed";
        announce(`${who} ${what === "pending" ? "reset the review of" : what} ${short(before)}${leaves ? "; it left the queue" : ""}.`);
        return;
      }
      case "annotation.deleted": {
        const before = current.items.find((item) => item.id === event.data.id);
        if (!before) return;
        if (cards.current.get(before.id)?.contains(document.activeElement)) focusSelected.current = true;
        dispatch({ type: "left", id: event.data.id, mine: false });
        if (byColleague) announce(`${who} deleted ${short(before)}; it left the queue.`);
        return;
      }
      case "document.deleted":
        dispatch({ type: "document-deleted", documentId: event.data.id });
        return;
      case "speaker.created":
        setSpeakers((all) => (all.some((s) => s.id === event.data.id) ? all : [...all, event.data]));
        return;
      case "speaker.updated":
        setSpeakers((all) => all.map((s) => (s.id === event.data.id ? event.data : s)));
        dispatch({ type: "speaker-renamed", speaker: event.data });
        return;
      case "speaker.merged":
        setSpeakers((all) => all.filter((s) => s.id !== event.data.id));
        return;
      default:
        return;
    }
  }
  useProjectEvents(projectId, onEvent, since);

  // The keyboard, page-wide; the latest state is read through a ref so the listener stays put.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyHandler.current = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      if (mode.kind !== "browse" || confirming || bulk) return;
      const key = event.key.toLowerCase();
      const isReviewKey = ["a", "r", "s", "x"].includes(key);
      if (!["a", "r", "s", "x", "e", "j", "k"].includes(key)) return;
      event.preventDefault();
      if (key === "j" || key === "k") return step(key === "j" ? 1 : -1);
      if (event.repeat) return;
      if (isReviewKey && !mayReview) return announce("Only reviewers and owners can review; your role lets you read the queue.");
      if (key === "a" && event.shiftKey) return askBulk();
      if (!selected) return;
      if (key === "a") return void review(selected, "accepted", null);
      if (key === "r") return setMode({ kind: "reject", id: selected.id });
      if (key === "s") return setMode({ kind: "speaker", id: selected.id });
      if (key === "x") return toggleChecked(selected.id);
      if (key === "e") router.push(workspaceHref(selected.documentId, selected.id));
    };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  function cancelMode() {
    setMode({ kind: "browse" });
    focusSelected.current = true;
  }

  function onInlineKeyDown(event: ReactKeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      cancelMode();
    }
  }

  function submitReject(event: FormEvent<HTMLFormElement>, item: ReviewItem) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    setMode({ kind: "browse" });
    void review(item, "rejected", reason || null);
  }

  const filterField = (key: keyof ReviewFilters, label: string, options: { value: string; label: string }[], anyLabel?: string) => (
    <div className={styles.filter}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key]}
        onChange={(e) => {
          const value = e.target.value;
          if (key === "status" && !isAnnotationStatus(value)) return;
          if (key === "label" && value !== "" && !isLabel(value)) return;
          void changeFilters({ ...filters, [key]: value });
        }}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  const sessionTotal = reviewed + total;
  const status = bulk ? `Accepting… ${formatNumber(bulk.done)} of ${formatNumber(bulk.total)} done.` : announcement;

  return (
    <section className={projectStyles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Review</h2>
      {!mayReview && <p className="muted">Your role lets you read the queue; reviewers and owners accept, reject and change speakers.</p>}
      <details className={styles.keys}>
        <summary>Keyboard shortcuts</summary>
        <dl>
          {mayReview && (
            <>
              <dt>
                <kbd className={styles.key}>A</kbd>
              </dt>
              <dd>Accept the selected annotation</dd>
              <dt>
                <kbd className={styles.key}>R</kbd>
              </dt>
              <dd>Reject it: type a reason if you like, Enter rejects, Esc cancels</dd>
              <dt>
                <kbd className={styles.key}>S</kbd>
              </dt>
              <dd>Change its speaker</dd>
            </>
          )}
          <dt>
            <kbd className={styles.key}>E</kbd>
          </dt>
          <dd>Open it in the workspace</dd>
          <dt>
            <kbd className={styles.key}>J</kbd> / <kbd className={styles.key}>K</kbd>
          </dt>
          <dd>Next / previous annotation</dd>
          {mayReview && (
            <>
              <dt>
                <kbd className={styles.key}>X</kbd>
              </dt>
              <dd>Select or unselect it for accepting together</dd>
              <dt>
                <kbd className={styles.key}>Shift</kbd>+<kbd className={styles.key}>A</kbd>
              </dt>
              <dd>Accept the selected annotations — or, with none selected, every one the filters match — after confirming</dd>
            </>
          )}
        </dl>
      </details>

      <fieldset className={styles.toolbar} aria-busy={filtering}>
        <legend className="visually-hidden">Filters</legend>
        {filterField(
          "status",
          "Status",
          ANNOTATION_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] })),
        )}
        {filterField(
          "label",
          "Label",
          LABELS.map((l) => ({ value: l, label: LABEL_INFO[l].plural })),
          "Claims and quotes",
        )}
        {filterField(
          "speakerId",
          "Speaker",
          [...speakers].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.id, label: s.name })),
          "Any speaker",
        )}
        {filterField(
          "author",
          "Author",
          members.map((m) => ({ value: m.id, label: m.name })),
          "Anyone",
        )}
        {filterField(
          "documentId",
          "Document",
          documents.map((d) => ({ value: d.id, label: d.name })),
          "All documents",
        )}
      </fieldset>

      <div className={styles.progress}>
        <p id={`${id}-progress`}>
          <strong>
            {formatNumber(reviewed)} of {formatNumber(sessionTotal)} reviewed
          </strong>
        </p>
        <progress aria-labelledby={`${id}-progress`} max={Math.max(sessionTotal, 1)} value={reviewed} />
        <p className="muted">
          {formatCount(total, "annotation", "annotations")} left in the queue
          {isDefaultQueue ? "" : " (filtered)"}
        </p>
      </div>

      <Announcements status={status} error={error} />

      {items.length === 0 ? (
        <p className="muted">
          {filtering || (nextCursor && loadError === null)
            ? "Loading…"
            : isDefaultQueue
              ? "Nothing waits for review."
              : "No annotation matches these filters."}
        </p>
      ) : (
        <ol className={styles.list} aria-label="Review queue" aria-busy={filtering}>
          {items.map((item, index) => {
            const isSelected = item.id === selectedId;
            const headingId = `${id}-item-${index}`;
            return (
              <li key={item.id}>
                <article
                  ref={(element) => {
                    if (element) cards.current.set(item.id, element);
                    else cards.current.delete(item.id);
                  }}
                  className={`${styles.card} ${styles[item.label]} ${isSelected ? styles.selected : ""}`}
                  tabIndex={isSelected ? 0 : -1}
                  aria-current={isSelected ? "true" : undefined}
                  aria-label={`${formatNumber(index + 1)} of ${formatNumber(total)}: ${describeItem(item)}`}
                  onFocus={() => {
                    if (!isSelected) select(item.id, false);
                  }}
                >
                  <AnnotationInContext item={item} headingId={headingId}>
                    <div className={styles.actions}>
                      {mayReview && (
                        <>
                          <label className={styles.select}>
                            <input type="checkbox" checked={checked.has(item.id)} onChange={() => toggleChecked(item.id)} />
                            Select<span className="visually-hidden"> {short(item)}</span>
                          </label>
                          <ShortcutButton shortcut="A" className={styles.accept} onClick={() => void review(item, "accepted", null)}>
                            Accept<span className="visually-hidden"> {short(item)}</span>
                          </ShortcutButton>
                          <ShortcutButton
                            shortcut="R"
                            className="secondary"
                            aria-expanded={mode.kind === "reject" && mode.id === item.id}
                            onClick={() => setMode({ kind: "reject", id: item.id })}
                          >
                            Reject<span className="visually-hidden"> {short(item)}</span>
                          </ShortcutButton>
                          <ShortcutButton
                            shortcut="S"
                            className="secondary"
                            aria-expanded={mode.kind === "speaker" && mode.id === item.id}
                            onClick={() => setMode({ kind: "speaker", id: item.id })}
                          >
                            Change speaker<span className="visually-hidden"> of {short(item)}</span>
                          </ShortcutButton>
                        </>
                      )}
                      <Link className="button secondary" href={workspaceHref(item.documentId, item.id)} aria-keyshortcuts="E">
                        Open in workspace<span className="visually-hidden"> ({item.documentTitle})</span>
                        <kbd className={styles.key} aria-hidden="true">
                          E
                        </kbd>
                      </Link>
                    </div>
                    {mode.kind === "reject" && mode.id === item.id && (
                      <form
                        className={styles.inline}
                        onSubmit={(e) => submitReject(e, item)}
                        onKeyDown={onInlineKeyDown}
                        aria-label={`Reject ${short(item)}`}
                      >
                        <div className={styles.grow}>
                          <label htmlFor={`${id}-reason`}>Reason for rejecting (optional)</label>
                          <input id={`${id}-reason`} name="reason" maxLength={2000} autoComplete="off" autoFocus />
                        </div>
                        <button type="submit" className="danger">
                          Reject
                        </button>
                        <button type="button" className="secondary" onClick={cancelMode}>
                          Cancel
                        </button>
                      </form>
                    )}
                    {mode.kind === "speaker" && mode.id === item.id && (
                      <SpeakerPicker
                        label={`Change the speaker of ${short(item)}`}
                        speakers={speakers}
                        onChoose={(choice) => void changeSpeaker(item, choice)}
                        onCancel={cancelMode}
                      />
                    )}
                  </AnnotationInContext>
                </article>
              </li>
            );
          })}
        </ol>
      )}

      {loadError ? (
        <div className={styles.more}>
          <p role="alert" className="error">
            {loadError}
          </p>
          <button type="button" className="secondary" onClick={() => (nextCursor ? void loadMore() : void changeFilters(filters))}>
            Try again
          </button>
        </div>
      ) : (
        nextCursor && (
          <div className={styles.more}>
            <button type="button" className="secondary" disabled={loadingMore} onClick={() => void loadMore()}>
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          </div>
        )
      )}

      {mayReview && checkedItems.length > 0 && (
        <div className={styles.bulkBar} role="region" aria-label="Selected annotations">
          <span>{formatCount(checkedItems.length, "annotation", "annotations")} selected</span>
          <button type="button" aria-keyshortcuts="Shift+A" onClick={askBulk}>
            Accept selected
          </button>
          <button type="button" className="secondary" onClick={() => setChecked(new Set())}>
            Clear selection
          </button>
        </div>
      )}

      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-confirm`}
        onCancel={(e) => {
          e.preventDefault();
          closeBulk();
        }}
      >
        {confirming && (
          <>
            <h2 id={`${id}-confirm`}>Accept {formatCount(confirming.count, "annotation", "annotations")}?</h2>
            <p>
              {confirming.target === "checked"
                ? `The ${formatCount(confirming.count, "selected annotation", "selected annotations")} will be accepted.`
                : `Every annotation the filters match — ${formatCount(confirming.count, "annotation", "annotations")}, loaded or not — will be accepted.`}
            </p>
            <div className={projectStyles.actions}>
              <button type="button" autoFocus onClick={() => void acceptMany(confirming.target)}>
                Accept {formatCount(confirming.count, "annotation", "annotations")}
              </button>
              <button type="button" className="secondary" onClick={closeBulk}>
                Cancel
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
