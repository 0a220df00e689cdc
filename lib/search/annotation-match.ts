// Which annotations a search or a filtered export selects, as SQL: the query parsed (websearch
// syntax, partial words, speaker names), the filters, the document date range, the full-text and
// phrase conditions and the relevance. Its two lookups run on the connection it is given, so the
// export worker, with a connection of its own, selects with it without the server's pool.

import type { Queryable } from "../db/client";
import type { AnnotationMatch, SearchQuery } from "../validation/schemas";
import { annotationFilterSql } from "../annotations/annotation-filter";
import { tsqueryConjuncts, wordPairQuery } from "./tsquery";

/** The text search configuration and the punctuation folding of the search migration. */
export const CONFIG = "'public.sourcemark'::regconfig";
export const searchText = (sql: string) => `public.sourcemark_search_text(${sql})`;
/** An annotation's words in adjacent pairs, as the phrase index holds them (the search_phrases migration). */
const wordPairs = (vectorSql: string) => `public.sourcemark_shingles(${vectorSql})`;

/**
 * The full-text condition on annotations `a` for a websearch query. A query with a phrase in it
 * ("halro said") and no `or` at its top has each two-word phrase looked up in the index of
 * adjacent word pairs — the same annotations, found in one lookup whose statistics tell a rare
 * phrase of common words from a common one — and the rest of the query checked as before.
 */
async function textMatchSql(q: Queryable, conditions: Conditions, words: string, tsquerySql: string): Promise<string> {
  const whole = `a.search_vector @@ ${tsquerySql}`;
  if (!words.includes('"')) return whole;
  const { rows } = await q.query<{ query: string }>(`SELECT websearch_to_tsquery(${CONFIG}, ${searchText("$1")})::text AS query`, [words]);
  const conjuncts = tsqueryConjuncts(rows[0]?.query ?? "");
  if (!conjuncts) return whole;
  const pairs = conjuncts.map(wordPairQuery);
  if (pairs.every((pair) => pair === null)) return whole;
  const rest = conjuncts.filter((_conjunct, i) => pairs[i] === null);
  // The whole query stays referenced (a constant to the planner), so that its parameter is typed
  // wherever these conditions are used.
  const lookups = [
    `${tsquerySql} IS NOT NULL`,
    ...pairs.filter((pair) => pair !== null).map((pair) => `${wordPairs("a.search_vector")} @@ ${conditions.param(pair)}::tsquery`),
    ...(rest.length > 0 ? [`a.search_vector @@ ${conditions.param(rest.join(" & "))}::tsquery`] : []),
  ];
  return `(${lookups.join(" AND ")})`;
}

/** How much a speaker-name match and a partial-word match add to a result's relevance. */
const SPEAKER_MATCH_SCORE = 0.5;
export const PARTIAL_MATCH_SCORE = 0.05;
/**
 * How alike a query and a speaker's name (or alias) must be, by pg_trgm's word_similarity. The
 * index lookup finds candidates at pg_trgm's default threshold (0.6): this may not be lower.
 */
const SPEAKER_SIMILARITY = 0.6;

export interface ParsedQuery {
  /** The query for websearch_to_tsquery: typographic quotes made straight, so “a phrase” works too. */
  words: string;
  /** The query as a partial word to look for in texts (one term of 3+ characters), or null. */
  partial: string | null;
  /** Can the query be a speaker's name (no phrase or exclusion syntax)? */
  nameLike: boolean;
}

export function parseQuery(q: string): ParsedQuery {
  const words = q.replace(/[“”„«»]/g, '"');
  const plain = !/["]|(^|\s)-/.test(words);
  // Three characters make a partial word in alphabetic scripts; in Chinese or Japanese two
  // characters are a word, and the text search parser does not split runs of them into words.
  const minimum = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(words) ? 1 : 3;
  const long = [...words].length >= minimum;
  return { words, partial: plain && long && !/\s/.test(words) ? words : null, nameLike: plain && long };
}

/** A LIKE pattern matching `text` anywhere (its own % _ \ escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The project's speakers whose name or an alias is like the query (at most 50): close by trigrams
 * (a word of the name, misspelt a little), or holding it (names in scripts without trigrams: 赵立坚).
 * Both are looked up in the trigram index of the folded names (the speaker_name_search migration):
 * `%>` finds the candidates at pg_trgm's default word similarity threshold, 0.6.
 */
async function speakersNamed(db: Queryable, projectId: string, q: string): Promise<string[]> {
  const names = "public.sourcemark_speaker_names(s.name, s.aliases)";
  const folded = "public.sourcemark_unaccent(lower($2))";
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM speakers s
      WHERE s.project_id = $1
        AND ((${names} %> ${folded} AND word_similarity(${folded}, ${names}) >= $3)
             OR ${names} LIKE public.sourcemark_unaccent(lower($4)))
      ORDER BY s.id LIMIT 50`,
    [projectId, q, SPEAKER_SIMILARITY, containsPattern(q)],
  );
  return rows.map((row) => row.id);
}

/** Bound SQL conditions, each appended with its parameters. */
export class Conditions {
  readonly params: unknown[];
  readonly clauses: string[] = [];
  constructor(params: unknown[] = []) {
    this.params = params;
  }
  /** Adds a parameter and returns its placeholder. */
  param(value: unknown, cast = ""): string {
    this.params.push(value);
    return `$${this.params.length}${cast}`;
  }
  add(clause: string): void {
    this.clauses.push(clause);
  }
  get sql(): string {
    return this.clauses.join(" AND ");
  }
}

/** The document date range: from the start of `from` up to `to` (a whole day when `to` is a date). */
export function addDateRange(conditions: Conditions, dateSql: string, { from, to }: Pick<SearchQuery, "from" | "to">): void {
  if (from) conditions.add(`${dateSql} >= ${conditions.param(new Date(from))}`);
  if (to) {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(to);
    const bound = new Date(to);
    if (dateOnly) bound.setUTCDate(bound.getUTCDate() + 1);
    conditions.add(`${dateSql} ${dateOnly ? "<" : "<="} ${conditions.param(bound)}`);
  }
}

/** The SQL selecting annotations `a` by the filters and search terms, with their relevance. */
export interface AnnotationMatchSql {
  /** Conditions joined with AND. */
  where: string;
  params: unknown[];
  /** The tsquery of `q` (NULL::tsquery without one), for highlights. */
  tsquery: string;
  /** A float8 relevance expression (0 without `q`). */
  score: string;
  parsed: ParsedQuery | null;
}

/**
 * Which annotations of the project match: the filters, the document date range and `q` (the
 * annotation's words, its speaker's name, or a partial word). Search and "export these results"
 * both select with it. Its lookups (the speakers a name means, the phrases of the query) run on `q`.
 */
export async function annotationMatchSql(q: Queryable, projectId: string, match: Partial<AnnotationMatch>): Promise<AnnotationMatchSql> {
  const { q: words, from, to, documentId, label, speakerId, status, author } = match;
  const parsed = words ? parseQuery(words) : null;
  const speakerIds = parsed?.nameLike ? await speakersNamed(q, projectId, parsed.words) : [];
  const base = annotationFilterSql(projectId, { documentId, label, speakerId, status, author });
  const conditions = new Conditions(base.params);
  conditions.add(base.where);
  addDateRange(conditions, "a.document_date", { from, to });
  let tsquery = "NULL::tsquery";
  let score = "0::float8";
  if (parsed) {
    tsquery = `websearch_to_tsquery(${CONFIG}, ${searchText(conditions.param(parsed.words))})`;
    const partial = parsed.partial ? conditions.param(containsPattern(parsed.partial)) : null;
    const partialMatch = partial ? `a.exact ILIKE ${partial}` : "false";
    // Alternatives that cannot match are left out, so that the planner sees the text match alone.
    const speakerMatch = speakerIds.length > 0 ? `a.speaker_id = ANY(${conditions.param(speakerIds, "::text[]")})` : "false";
    const alternatives = [
      await textMatchSql(q, conditions, parsed.words, tsquery),
      ...(speakerIds.length > 0 ? [speakerMatch] : []),
      ...(partial ? [partialMatch] : []),
    ];
    conditions.add(`(${alternatives.join(" OR ")})`);
    score =
      `(ts_rank_cd(a.search_vector, ${tsquery}) + CASE WHEN ${speakerMatch} THEN ${SPEAKER_MATCH_SCORE} ELSE 0 END` +
      ` + CASE WHEN ${partialMatch} THEN ${PARTIAL_MATCH_SCORE} ELSE 0 END)::float8`;
  }
  return { where: conditions.sql, params: conditions.params, tsquery, score, parsed };
}
