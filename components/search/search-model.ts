// The search page's state is its URL: the form's fields as query parameters (a search can be
// bookmarked, shared and reloaded), read back leniently (an empty field is no filter). Pure.

import type { ExportFilters } from "@/components/export/export-request";
import { CodePointIndex } from "@/lib/text/code-points";

/** The fields of the search form, as strings ("" = not set). */
export interface SearchForm {
  q: string;
  in: "annotations" | "documents";
  sort: "date" | "relevance";
  label: string;
  status: string;
  speakerId: string;
  documentId: string;
  author: string;
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchForm = {
  q: "",
  in: "annotations",
  sort: "date",
  label: "",
  status: "",
  speakerId: "",
  documentId: "",
  author: "",
  from: "",
  to: "",
};

const FIELDS = Object.keys(EMPTY_SEARCH) as (keyof SearchForm)[];

/** The form from a page's query (Next's searchParams): unknown keys ignored, repeated keys take the first. */
export function searchFormFromQuery(query: Record<string, string | string[] | undefined>): SearchForm {
  const value = (key: string) => {
    const raw = query[key];
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  };
  const form = { ...EMPTY_SEARCH };
  for (const key of FIELDS) if (key !== "in" && key !== "sort") form[key] = value(key);
  form.in = value("in") === "documents" ? "documents" : "annotations";
  form.sort = value("sort") === "relevance" ? "relevance" : "date";
  return form;
}

/** The query string of a form: only the fields that are set (defaults left out), in a stable order. */
export function searchQueryString(form: SearchForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FIELDS) {
    const value = form[key];
    if (!value || value === EMPTY_SEARCH[key]) continue;
    params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The parameters the search API is given for a form (empty fields left out). */
export function searchApiParams(form: SearchForm): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((key) => form[key] !== "").map((key) => [key, form[key]]));
}

/** The export of exactly these results: the same words, filters and dates. */
export function exportFiltersOf(form: SearchForm): ExportFilters {
  const { documentId, label, speakerId, status, author, q, from, to } = form;
  return { documentId, label, speakerId, status, author, q, from, to };
}

/**
 * A text cut into plain and marked pieces by [start, end) code point ranges (sorted; ranges past
 * the end are clipped, overlaps merged).
 */
export function markedPieces(text: string, ranges: readonly (readonly [number, number])[]): { text: string; marked: boolean }[] {
  const index = new CodePointIndex(text);
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.min(Math.max(rawStart, at), index.length);
    const end = Math.min(rawEnd, index.length);
    if (start > at) pieces.push({ text: index.slice(at, start), marked: false });
    if (end > start) pieces.push({ text: index.slice(start, end), marked: true });
    at = Math.max(at, end);
  }
  if (at < index.length) pieces.push({ text: index.slice(at, index.length), marked: false });
  return pieces;
}
