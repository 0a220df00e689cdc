-- Phrase search at scale. The GIN index on search_vector holds which annotations have each word,
-- not where: a phrase query ("halro said") reads every annotation holding both words and checks
-- their positions one by one — 136,000 rows, 13 s, for a phrase of a rare and a common word in a
-- project of a million annotations — and the planner, estimating a phrase as both words anywhere,
-- cannot tell a rare phrase of common words from a common one. So the words of each annotation are
-- also indexed in pairs, as they stand next to each other (Elasticsearch's index_phrases does the
-- same): a two-word phrase is then one lookup in this index, with statistics of its own.

-- Each pair of lexemes at adjacent positions of a tsvector, as one lexeme "first second". Words
-- dropped as stop words leave a gap in the positions, so "said that Japan" gives no pair (nor does
-- the phrase query: 'said' <2> 'japan').
CREATE FUNCTION public.sourcemark_shingles(tsvector) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT w.lexeme || ' ' || n.lexeme)), ''::tsvector)
      FROM (SELECT u.lexeme, p FROM unnest($1) u, unnest(u.positions) p) w
      JOIN (SELECT u.lexeme, p FROM unnest($1) u, unnest(u.positions) p) n ON n.p = w.p + 1
  $$;

-- An expression index (Prisma's schema cannot describe it): the pairs are derived from
-- search_vector, so they cannot disagree with it. Building it reads every annotation: about 3.5
-- minutes for a million on two cores.
CREATE INDEX "annotations_search_phrases_idx" ON "annotations" USING GIN (public.sourcemark_shingles("search_vector"));

-- Statistics on ten times as many words (PostgreSQL keeps 10 × the target most common lexemes of a
-- tsvector). A word missing from the list is estimated as rarer than the rarest listed one, so with
-- the default target a word found in 1,300 of a million annotations was planned as if in 20,000:
-- walking the date-ordered index and reading 18,000 rows before it had twenty, where the word index
-- reads 1,300. The pairs get the same; ANALYZE fills both now (47 s for a million annotations).
ALTER TABLE "annotations" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ALTER INDEX "annotations_search_phrases_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ANALYZE "annotations";
