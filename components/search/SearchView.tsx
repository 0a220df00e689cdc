"use client";
// A project's Search tab: "what has this person said about X, in which articles?". The form is a
// GET form (the URL is the search: bookmarkable, works without JavaScript); results are quote
// cards — speaker, the quote with the matched words marked, its document and date — with facets
// that narrow the search, more results on demand, the keyboard (/ to search, J/K to move, Enter
// to open in the workspace) and "export these results" in any format.

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ExportDialog } from "@/components/export/ExportDialog";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount, formatDate, formatNumber } from "@/components/ui/format";
import { isTypingTarget } from "@/components/ui/keyboard";
import { workspaceHref } from "@/components/ui/links";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ANNOTATION_STATUSES, LABEL_INFO, LABELS, STATUS_NAMES } from "@/lib/model/vocabulary";
import type { AnnotationHit, DocumentHit, SearchFacets, SearchPage } from "@/lib/search/search";
import reviewStyles from "@/components/review/review.module.css";
import { exportFiltersOf, markedPieces, searchApiParams, searchFormFromQuery, searchQueryString, type SearchForm } from "./search-model";
import styles from "./search.module.css";

function Marked({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  return (
    <>
      {markedPieces(text, ranges).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}

function QuoteCard({ hit }: { hit: AnnotationHit }) {
  const speaker = hit.speaker?.name ?? "No speaker";
  return (
    <>
      <p className={reviewStyles.meta}>
        <span className={`${reviewStyles.badge} ${reviewStyles[hit.label]}`}>{LABEL_INFO[hit.label].name}</span>
        <span className={reviewStyles.speaker}>{speaker}</span>
        <span className={`${reviewStyles.status} ${reviewStyles[hit.status]}`}>{STATUS_NAMES[hit.status]}</span>
      </p>
      <blockquote className={styles.quote}>
        “<Marked text={hit.exact} ranges={hit.highlights} />”
      </blockquote>
      <p className={reviewStyles.meta}>
        <Link href={workspaceHref(hit.documentId, hit.id)} data-open>
          {hit.documentTitle}
          <span className="visually-hidden"> — open this {LABEL_INFO[hit.label].name.toLowerCase()} in the workspace</span>
        </Link>
        <time dateTime={hit.documentDate}>{formatDate(hit.documentDate)}</time>
        {hit.note && <span className="muted">Note: {hit.note}</span>}
      </p>
    </>
  );
}

function DocumentCard({ hit }: { hit: DocumentHit }) {
  return (
    <>
      <h3 className={styles.documentTitle}>
        <Link href={workspaceHref(hit.id)} data-open>
          <Marked text={hit.title} ranges={hit.titleHighlights} />
        </Link>
      </h3>
      <p className={styles.snippet}>
        {hit.snippet.start > 0 && "…"}
        <Marked text={hit.snippet.text} ranges={hit.snippet.highlights} />…
      </p>
      <p className={reviewStyles.meta}>
        <time dateTime={hit.date}>{formatDate(hit.date)}</time>
        <span>{formatCount(hit.annotationCount, "annotation", "annotations")}</span>
      </p>
    </>
  );
}

/** One facet: each value a link narrowing the search to it (or, when chosen, back out of it), with its count. */
function Facet({
  title,
  field,
  values,
  form,
}: {
  title: string;
  field: keyof SearchForm;
  values: { value: string; name: string; count: number }[];
  form: SearchForm;
}) {
  const id = useId();
  if (values.length === 0) return null;
  return (
    <section className={styles.facet} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul>
        {values.map(({ value, name, count }) => {
          const chosen = form[field] === value;
          return (
            <li key={value}>
              <Link href={`?${searchQueryString({ ...form, [field]: chosen ? "" : value })}`} aria-current={chosen ? "true" : undefined}>
                <span>{name}</span>
                <span className={styles.count}>
                  {formatNumber(count)}
                  <span className="visually-hidden"> {count === 1 ? "match" : "matches"}</span>
                </span>
              </Link>
              {chosen && <span className="visually-hidden"> (chosen; follow to remove this filter)</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function facetValues(facets: SearchFacets) {
  return {
    speakers: facets.speakers.map((s) => ({ value: s.id ?? "", name: s.name ?? "No speaker", count: s.count })).filter((s) => s.value),
    labels: facets.labels.map((l) => ({ value: l.value, name: LABEL_INFO[l.value].plural, count: l.count })),
    statuses: facets.statuses.map((s) => ({ value: s.value, name: STATUS_NAMES[s.value], count: s.count })),
    documents: facets.documents.map((d) => ({ value: d.id, name: d.title, count: d.count })),
  };
}

export function SearchView({
  projectId,
  form,
  initialPage,
  error: initialError,
  speakers,
}: {
  projectId: string;
  form: SearchForm;
  initialPage: SearchPage | null;
  /** Why the search could not be run (bad input), in words. */
  error: string | null;
  speakers: { id: string; name: string }[];
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const headingId = useId();
  const [page, setPage] = useState(initialPage);
  const [renderedPage, setRenderedPage] = useState(initialPage);
  if (initialPage !== renderedPage) {
    // A new search (navigation) replaces the results that "load more" had extended.
    setRenderedPage(initialPage);
    setPage(initialPage);
  }
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  // The total and facets come after the results: counting reads every match, the results need not.
  const searchKey = searchQueryString(form);
  const [counts, setCounts] = useState<{
    key: string;
    total: number | null;
    totalIsLowerBound: boolean;
    facets: SearchFacets | null;
  } | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  useEffect(() => {
    if (!initialPage || initialError) return;
    let cancelled = false;
    const params = new URLSearchParams({ ...searchApiParams(form), facets: "true", limit: "1" });
    api<SearchPage>(`/api/v1/projects/${encodeURIComponent(projectId)}/search?${params}`)
      .then((counted) => {
        if (cancelled) return;
        setCountError(null);
        setCounts({
          key: searchKey,
          total: counted.total,
          totalIsLowerBound: counted.in === "annotations" && counted.totalIsLowerBound,
          facets: counted.in === "annotations" ? counted.facets : null,
        });
      })
      .catch((e: unknown) => !cancelled && setCountError(`The matches could not be counted: ${errorMessage(e)}`));
    return () => {
      cancelled = true;
    };
    // The search is its key; form is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, searchKey, initialPage, initialError]);

  // / focuses the search box; J/K (or the arrows, within the results) move between results; Enter opens one.
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      const cards = [...(list.current?.querySelectorAll<HTMLElement>("article") ?? [])];
      const at = cards.findIndex((card) => card === document.activeElement || card.contains(document.activeElement));
      const inResults = at >= 0;
      const key = event.key;
      if (key === "/") {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      } else if (key === "j" || key === "k" || (inResults && (key === "ArrowDown" || key === "ArrowUp"))) {
        if (cards.length === 0) return;
        event.preventDefault();
        const step = key === "j" || key === "ArrowDown" ? 1 : -1;
        const next = cards[Math.min(cards.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
        next?.focus();
      } else if (key === "Enter" && inResults && document.activeElement === cards[at]) {
        event.preventDefault();
        cards[at]?.querySelector<HTMLAnchorElement>("a[data-open]")?.click();
      }
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The same reading as the server's of a form sent without JavaScript.
    const data = new FormData(event.currentTarget);
    const next = searchFormFromQuery(Object.fromEntries([...data.entries()].map(([key, value]) => [key, String(value)])));
    router.push(`?${searchQueryString(next)}`);
  }

  async function loadMore() {
    if (!page?.nextCursor) return;
    setLoading(true);
    setError(null);
    try {
      const params = new URLSearchParams({ ...searchApiParams(form), cursor: page.nextCursor });
      const next = await api<SearchPage>(`/api/v1/projects/${encodeURIComponent(projectId)}/search?${params}`);
      const count = page.items.length + next.items.length;
      setPage({ ...page, items: [...page.items, ...next.items], nextCursor: next.nextCursor } as SearchPage);
      setAnnouncement(`Showing ${formatNumber(count)} results.`);
    } catch (e) {
      setError(`More results could not be loaded: ${errorMessage(e)}`);
    } finally {
      setLoading(false);
    }
  }

  const total = counts?.key === searchKey ? counts.total : null;
  const lowerBound = counts?.key === searchKey && counts.totalIsLowerBound;
  const facets = counts?.key === searchKey && counts.facets ? facetValues(counts.facets) : null;
  const chosenDocument = form.documentId ? (facets?.documents.find((d) => d.value === form.documentId)?.name ?? "one document") : null;

  return (
    <section className={styles.layout} aria-labelledby={headingId}>
      <h2 id={headingId}>Search</h2>
      <form role="search" aria-label="Search this project" className={styles.form} method="get" onSubmit={submit}>
        <div className={styles.query}>
          <label htmlFor="search-q">Words, a “phrase”, -excluded, or a speaker’s name</label>
          <div className="row">
            <input
              ref={input}
              id="search-q"
              name="q"
              type="search"
              defaultValue={form.q}
              maxLength={500}
              aria-keyshortcuts="/"
              placeholder="e.g. “lessons from history” or Zhao"
            />
            <button type="submit">Search</button>
          </div>
        </div>
        <fieldset className={reviewStyles.toolbar}>
          <legend className="visually-hidden">Search options and filters</legend>
          <label className={reviewStyles.filter}>
            Find
            <select name="in" defaultValue={form.in}>
              <option value="annotations">Annotations</option>
              <option value="documents">Documents</option>
            </select>
          </label>
          <label className={reviewStyles.filter}>
            Order
            <select name="sort" defaultValue={form.sort}>
              <option value="date">Newest article first</option>
              <option value="relevance">Best match first</option>
            </select>
          </label>
          <label className={reviewStyles.filter}>
            Label
            <select name="label" defaultValue={form.label}>
              <option value="">All labels</option>
              {LABELS.map((label) => (
                <option key={label} value={label}>
                  {LABEL_INFO[label].plural}
                </option>
              ))}
            </select>
          </label>
          <label className={reviewStyles.filter}>
            Status
            <select name="status" defaultValue={form.status}>
              <option value="">Any status</option>
              {ANNOTATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_NAMES[status]}
                </option>
              ))}
            </select>
          </label>
          <label className={reviewStyles.filter}>
            Speaker
            <select name="speakerId" defaultValue={form.speakerId}>
              <option value="">All speakers</option>
              {speakers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className={reviewStyles.filter}>
            Published from
            <input type="date" name="from" defaultValue={form.from} />
          </label>
          <label className={reviewStyles.filter}>
            Published until
            <input type="date" name="to" defaultValue={form.to} />
          </label>
          {form.documentId && <input type="hidden" name="documentId" value={form.documentId} />}
          {form.author && <input type="hidden" name="author" value={form.author} />}
        </fieldset>
      </form>

      {(initialError ?? error ?? countError) && (
        <p role="alert" className="error">
          {initialError ?? error ?? countError}
        </p>
      )}

      {page && (
        <div className={styles.results}>
          <div className={styles.summary}>
            <p role="status">
              {total === null
                ? page.items.length === 0
                  ? "Nothing matches."
                  : "Counting the matches…"
                : total === 0
                  ? "Nothing matches."
                  : `${lowerBound ? "More than " : ""}${formatCount(total, page.in === "documents" ? "document" : "result", page.in === "documents" ? "documents" : "results")}${form.q ? ` for “${form.q}”` : ""}.`}
              {chosenDocument && (
                <>
                  {" "}
                  In {chosenDocument} (<Link href={`?${searchQueryString({ ...form, documentId: "" })}`}>all documents</Link>).
                </>
              )}
            </p>
            {page.in === "annotations" && page.items.length > 0 && (
              <ExportDialog
                key={searchQueryString(form)}
                projectId={projectId}
                initialFilters={exportFiltersOf(form)}
                buttonLabel="Export these results"
              />
            )}
          </div>
          {lowerBound && <p className="muted">Counts and facets cover the newest 10,000 matches; every match can be paged through.</p>}
          <div className={styles.columns}>
            {facets && (
              <nav aria-label="Narrow the search" className={styles.facets}>
                <Facet title="Speaker" field="speakerId" values={facets.speakers} form={form} />
                <Facet title="Label" field="label" values={facets.labels} form={form} />
                <Facet title="Status" field="status" values={facets.statuses} form={form} />
                <Facet title="Document" field="documentId" values={facets.documents} form={form} />
              </nav>
            )}
            <div>
              {page.items.length > 0 && (
                <p className="muted">
                  <kbd>J</kbd>/<kbd>K</kbd> move between results, <kbd>Enter</kbd> opens one in the workspace, <kbd>/</kbd> searches again.
                </p>
              )}
              <ol ref={list} className={reviewStyles.list} aria-label="Search results" aria-busy={loading}>
                {page.items.map((hit) => (
                  <li key={hit.id}>
                    <article
                      tabIndex={-1}
                      className={`${reviewStyles.card} ${page.in === "annotations" ? reviewStyles[(hit as AnnotationHit).label] : ""}`}
                      aria-label={
                        page.in === "annotations"
                          ? `${(hit as AnnotationHit).speaker?.name ?? "No speaker"}: “${(hit as AnnotationHit).exact}”`
                          : (hit as DocumentHit).title
                      }
                    >
                      {page.in === "annotations" ? <QuoteCard hit={hit as AnnotationHit} /> : <DocumentCard hit={hit as DocumentHit} />}
                    </article>
                  </li>
                ))}
              </ol>
              {page.nextCursor && (
                <div className={reviewStyles.more}>
                  <button type="button" className="secondary" disabled={loading || !hydrated} onClick={() => void loadMore()}>
                    {loading ? "Loading…" : "More results"}
                  </button>
                </div>
              )}
              <p className="visually-hidden" role="status">
                {announcement}
              </p>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
