// Search across a project: "what has this person said about X, in which articles?". PostgreSQL
// full-text search (the search_vector columns the database keeps, websearch syntax: "exact
// phrase", -word, or), accents and case ignored, plus pg_trgm for speaker names and partial words.
// Annotations match on their text, note and the words around them, or on their speaker's name;
// documents on their title and text. Results come newest document first or by relevance, a keyset
// page at a time, with highlights in code points and, on the first page, the total and facets.
// Which annotations match, as SQL, is annotation-match.ts (the export of search results uses it too).

import { z } from "zod";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { annotationFilterSql } from "../annotations/annotation-filter";
import { countedLayer, layerAuthor } from "../annotations/annotation-visibility";
import { annotationJoins, annotationViewSchema, annotationViewSql, isoTimestampSql } from "../annotations/annotation-view";
import { pool } from "../db/client";
import { afterCursorSql, orderBySql, toPage, type KeyColumn } from "../db/keyset";
import { documentSummarySchema, documentSummarySql, type DocumentSummary } from "../documents/document-view";
import { ANNOTATION_STATUSES, LABELS } from "../model/vocabulary";
import type { SearchQuery } from "../validation/schemas";
import {
  addDateRange,
  annotationMatchSql,
  CONFIG,
  Conditions,
  containsPattern,
  PARTIAL_MATCH_SCORE,
  parseQuery,
  searchText,
} from "./annotation-match";
import { MARK_START, MARK_STOP, markedRanges, mergeRanges, snippetAround, substringRanges, type Range } from "./highlights";

const range = z.tuple([z.int(), z.int()]);

export const annotationHitSchema = annotationViewSchema.extend({
  documentTitle: z.string(),
  /** The document's publication date, or when it was imported when it has none. */
  documentDate: z.string(),
  /** The matched words in `exact`, as [start, end) code point ranges. */
  highlights: z.array(range),
  /** Relevance (higher is better; 0 unless sort=relevance). */
  score: z.number(),
});
export type AnnotationHit = z.infer<typeof annotationHitSchema>;

const facetCount = z.object({ count: z.int() });
export const searchFacetsSchema = z.object({
  /** The 20 speakers with most matches (id null: no speaker). */
  speakers: z.array(facetCount.extend({ id: z.string().nullable(), name: z.string().nullable() })),
  labels: z.array(facetCount.extend({ value: z.enum(LABELS) })),
  statuses: z.array(facetCount.extend({ value: z.enum(ANNOTATION_STATUSES) })),
  /** The 20 documents with most matches. */
  documents: z.array(facetCount.extend({ id: z.string(), title: z.string() })),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;

export const documentHitSchema = documentSummarySchema.extend({
  /** Its publication date, or when it was imported when it has none. */
  date: z.string(),
  titleHighlights: z.array(range),
  /** An excerpt around the first match in the text (its start when only the title matched). */
  snippet: z.object({ text: z.string(), start: z.int(), highlights: z.array(range) }),
  score: z.number(),
});
export type DocumentHit = z.infer<typeof documentHitSchema>;

export const annotationSearchPageSchema = z.object({
  in: z.literal("annotations"),
  items: z.array(annotationHitSchema),
  nextCursor: z.string().nullable(),
  /** How many annotations match (with facets=true, first page only; else null), counted up to 10,000. */
  total: z.int().nullable(),
  /** True when more than 10,000 match: total is then 10,000 and the facets count the newest 10,000. */
  totalIsLowerBound: z.boolean(),
  /** Counts of the matches by speaker, label, status and document (with facets=true, first page only). */
  facets: searchFacetsSchema.nullable(),
});
export const documentSearchPageSchema = z.object({
  in: z.literal("documents"),
  items: z.array(documentHitSchema),
  nextCursor: z.string().nullable(),
  total: z.int().nullable(),
});
export const searchPageSchema = z.discriminatedUnion("in", [annotationSearchPageSchema, documentSearchPageSchema]);
export type AnnotationSearchPage = z.infer<typeof annotationSearchPageSchema>;
export type DocumentSearchPage = z.infer<typeof documentSearchPageSchema>;
export type SearchPage = z.infer<typeof searchPageSchema>;

/** ts_headline marking every match of the whole text (the markers are code points of their own). */
const markedSql = (textSql: string, tsquerySql: string) =>
  `ts_headline(${CONFIG}, ${searchText(textSql)}, ${tsquerySql}, 'HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_STOP}')`;

/** A document's date: when it was published, or imported when that is unknown. */
const DOCUMENT_DATE = "coalesce(d.published_at, d.created_at)";

/**
 * Annotations newest document first, then by position in the document: the order of an index
 * (annotations.document_date is the document's date, kept by the database), so that a page of a
 * common word's matches reads twenty rows, not all of them.
 */
const ANNOTATION_DATE_ORDER: KeyColumn[] = [
  { sql: "a.document_date", cast: "timestamptz" },
  { sql: "a.document_id", cast: "text" },
  { sql: "a.start", cast: "int", reversed: true },
  { sql: "a.id", cast: "text", reversed: true },
];

/**
 * How many matches relevance ranks, and facets count: the newest ones. Ranking every match of a
 * word found in half a million annotations would read them all; beyond this many, the page says
 * that its total is a lower bound and its facets count the newest matches.
 */
export const SEARCH_WINDOW = 10_000;

/** Annotations matching the query and filters. */
export async function searchAnnotations(actor: Actor, projectId: string, query: SearchQuery): Promise<AnnotationSearchPage> {
  await projectAccess(actor, projectId, "project.read");
  const { sort = "date", cursor, limit } = query;
  const author = await layerAuthor(actor, projectId, query.author);
  const { where, params, tsquery, score, parsed } = await annotationMatchSql(pool(), projectId, { ...query, author });
  const byRelevance = sort === "relevance" && parsed !== null;
  const newest = (columns: string, extra = "") =>
    `SELECT ${columns} FROM annotations a WHERE ${where}${extra} ORDER BY ${orderBySql(ANNOTATION_DATE_ORDER, true)}`;

  // By date: the matches in the index's order. By relevance: the window of newest matches, ranked.
  const order: KeyColumn[] = byRelevance ? [{ sql: "a.score", cast: "float8" }, ...ANNOTATION_DATE_ORDER] : ANNOTATION_DATE_ORDER;
  const pageParams = [...params];
  const source = byRelevance ? `(${newest(`a.*, ${score} AS score`)} LIMIT ${SEARCH_WINDOW})` : "annotations";
  const after = afterCursorSql(order, cursor, pageParams, true);
  pageParams.push(limit + 1);
  const pageSql = `
    SELECT p.view, p.score, ${parsed ? markedSql("p.view->>'exact'", tsquery) : "NULL"} AS marked
      FROM (SELECT ${annotationViewSql({ documentTitle: "d.title", documentDate: isoTimestampSql("a.document_date") })} AS view,
                   ${byRelevance ? "a.score" : "0::float8"} AS score
              FROM ${annotationJoins(source)} JOIN documents d ON d.id = a.document_id
             WHERE ${byRelevance ? "true" : where}${after}
             ORDER BY ${orderBySql(order, true)}
             LIMIT $${pageParams.length}) p`;

  const [pageRows, facets] = await Promise.all([
    pool().query<{ view: Omit<AnnotationHit, "highlights" | "score">; score: number; marked: string | null }>(pageSql, pageParams),
    cursor || !query.facets
      ? null
      : annotationFacets(newest("a.speaker_id, a.label::text AS label, a.status::text AS status, a.document_id"), params),
  ]);
  const page = toPage(
    pageRows.rows,
    limit,
    (row) => [...(byRelevance ? [String(row.score)] : []), row.view.documentDate, row.view.documentId, row.view.start, row.view.id],
    (row): AnnotationHit => {
      const highlights = mergeRanges([
        ...(row.marked === null ? [] : markedRanges(row.marked, row.view.exact)),
        ...(parsed?.partial ? substringRanges(row.view.exact, parsed.partial) : []),
      ]);
      return { ...row.view, highlights, score: row.score };
    },
  );
  return { in: "annotations", ...page, ...(facets ?? { total: null, totalIsLowerBound: false, facets: null }) };
}

/**
 * The total and the facets of the matches (the newest SEARCH_WINDOW of them, when there are more),
 * in one statement over `matches`: a query giving speaker_id, label, status and document_id.
 */
async function annotationFacets(
  matches: string,
  params: unknown[],
): Promise<{ total: number; totalIsLowerBound: boolean; facets: SearchFacets }> {
  const top = (column: string) => `SELECT ${column} AS key, count(*)::int AS n FROM w GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`;
  // One more than the window tells whether there are more; the facets count the window.
  const { rows } = await pool().query<{ total: number } & SearchFacets>(
    `WITH m AS MATERIALIZED (${matches} LIMIT ${SEARCH_WINDOW + 1}),
          w AS (SELECT * FROM m LIMIT ${SEARCH_WINDOW})
     SELECT (SELECT count(*)::int FROM m) AS total,
            (SELECT coalesce(json_agg(json_build_object('id', f.key, 'name', s.name, 'count', f.n) ORDER BY f.n DESC, s.name), '[]')
               FROM (${top("speaker_id")}) f LEFT JOIN speakers s ON s.id = f.key) AS speakers,
            (SELECT coalesce(json_agg(json_build_object('value', f.key, 'count', f.n) ORDER BY f.n DESC, f.key), '[]')
               FROM (${top("label")}) f) AS labels,
            (SELECT coalesce(json_agg(json_build_object('value', f.key, 'count', f.n) ORDER BY f.n DESC, f.key), '[]')
               FROM (${top("status")}) f) AS statuses,
            (SELECT coalesce(json_agg(json_build_object('id', f.key, 'title', d.title, 'count', f.n) ORDER BY f.n DESC, d.title), '[]')
               FROM (${top("document_id")}) f JOIN documents d ON d.id = f.key) AS documents`,
    params,
  );
  const { total, ...facets } = rows[0] as { total: number } & SearchFacets;
  return { total: Math.min(total, SEARCH_WINDOW), totalIsLowerBound: total > SEARCH_WINDOW, facets };
}

/** Documents matching the query by title or text (and, given annotation filters, holding such annotations). */
export async function searchDocuments(actor: Actor, projectId: string, query: SearchQuery): Promise<DocumentSearchPage> {
  await projectAccess(actor, projectId, "project.read");
  const { q, sort = "date", from, to, cursor, limit, documentId, label, speakerId, status } = query;
  const requested = query.author;
  // An annotator who sees only their own layer filters documents by their own annotations.
  const ownLayer = await countedLayer(actor, projectId);
  const author = requested === undefined ? requested : (ownLayer ?? requested);
  const parsed = q ? parseQuery(q) : null;
  const conditions = new Conditions();
  conditions.add(`d.project_id = ${conditions.param(projectId)}`);
  if (documentId) conditions.add(`d.id = ${conditions.param(documentId)}`);
  if (label || speakerId || status || author) {
    const held = annotationFilterSql(projectId, { label, speakerId, status, author }, conditions.params);
    conditions.add(`EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND ${held.where})`);
  }
  addDateRange(conditions, DOCUMENT_DATE, { from, to });
  let tsquery = "NULL::tsquery";
  let score = "0::float8";
  if (parsed) {
    tsquery = `websearch_to_tsquery(${CONFIG}, ${searchText(conditions.param(parsed.words))})`;
    const partialMatch = parsed.partial ? `d.title ILIKE ${conditions.param(containsPattern(parsed.partial))}` : "false";
    conditions.add(`(d.search_vector @@ ${tsquery} OR ${partialMatch})`);
    score = `(ts_rank_cd(d.search_vector, ${tsquery}) + CASE WHEN ${partialMatch} THEN ${PARTIAL_MATCH_SCORE} ELSE 0 END)::float8`;
  }
  const byRelevance = sort === "relevance" && parsed !== null;
  const order: KeyColumn[] = [
    ...(byRelevance ? [{ sql: score, cast: "float8" as const }] : []),
    { sql: DOCUMENT_DATE, cast: "timestamptz" },
    { sql: "d.id", cast: "text" },
  ];
  const where = conditions.sql;
  const countParams = [...conditions.params];
  // Each hit's annotationCount counts what the actor may see (annotation-visibility.ts).
  const pageParams = [...conditions.params, ownLayer];
  const summary = documentSummarySql(`$${pageParams.length}`);
  const after = afterCursorSql(order, cursor, pageParams, true);
  pageParams.push(limit + 1);
  const body = "left(p.text, 200000)";
  const [pageRows, counted] = await Promise.all([
    pool().query<{
      summary: DocumentSummary;
      score: number;
      date: string;
      title: string;
      text: string;
      marked_title: string | null;
      marked_text: string | null;
    }>(
      `SELECT p.summary, p.score, p.date, p.title, ${body} AS text,
              ${parsed ? markedSql("p.title", tsquery) : "NULL"} AS marked_title,
              ${parsed ? markedSql(body, tsquery) : "NULL"} AS marked_text
         FROM (SELECT ${summary} AS summary, ${score} AS score, ${isoTimestampSql(DOCUMENT_DATE)} AS date, d.title, d.text
                 FROM documents d WHERE ${where}${after}
                ORDER BY ${orderBySql(order, true)}
                LIMIT $${pageParams.length}) p`,
      pageParams,
    ),
    cursor || !query.facets ? null : pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d WHERE ${where}`, countParams),
  ]);
  const page = toPage(
    pageRows.rows,
    limit,
    (row) => [...(byRelevance ? [String(row.score)] : []), row.date, row.summary.id],
    (row): DocumentHit => {
      const partial = (text: string): Range[] => (parsed?.partial ? substringRanges(text, parsed.partial) : []);
      const titleHighlights = mergeRanges([...(row.marked_title ? markedRanges(row.marked_title, row.title) : []), ...partial(row.title)]);
      const textRanges = row.marked_text ? markedRanges(row.marked_text, row.text) : [];
      return { ...row.summary, date: row.date, titleHighlights, snippet: snippetAround(row.text, textRanges), score: row.score };
    },
  );
  return { in: "documents", ...page, total: counted?.rows[0]?.n ?? null };
}

/** GET …/search: annotations, or documents with ?in=documents. */
export function search(actor: Actor, projectId: string, query: SearchQuery): Promise<SearchPage> {
  return query.in === "documents" ? searchDocuments(actor, projectId, query) : searchAnnotations(actor, projectId, query);
}
