-- Search: PostgreSQL full-text search on annotations (their text, note and the words around them)
-- and documents (title and text), accents and case ignored, plus trigram indexes for speaker names
-- and partial words. pg_trgm and unaccent ship with PostgreSQL (and the embedded server); on your
-- own server the migrating user needs the right to create them.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The "sourcemark" text search configuration: English stemming after removing accents (PostgreSQL's
-- documented recipe), so "Zürich" finds "Zurich" and ts_headline still marks the original words.
CREATE TEXT SEARCH CONFIGURATION public.sourcemark (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION public.sourcemark
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;

-- unaccent() is only STABLE (its dictionary could change); with the dictionary named it is a pure
-- function, as expression indexes require. Used for accent-blind partial-word matches.
CREATE FUNCTION public.sourcemark_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The text that search indexes and highlights: each punctuation mark outside ASCII (curly quotes,
-- dashes, guillemets, CJK and Arabic punctuation, no-break and zero-width spaces, bidi marks)
-- becomes a space. The text search parser, under the C locale the embedded server uses, takes any
-- non-ASCII character for a letter and would index “history” as one word with its quotes. One
-- character for one, so offsets into this text are offsets into the original.
CREATE FUNCTION public.sourcemark_search_text(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace($1, E'[\u00A0\u00A1\u00A7\u00AB\u00B6\u00B7\u00BB\u00BF\u037E\u0387\u055A-\u055F\u0589\u05BE\u05C0\u05C3\u05C6\u05F3\u05F4\u060C\u060D\u061B\u061F\u066A-\u066D\u06D4\u1680\u2000-\u206F\u2E00-\u2E4F\u3000-\u3003\u3008-\u3011\u3014-\u301F\uFE10-\uFE19\uFE30-\uFE6B\uFEFF\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]', ' ', 'g') $$;

-- An annotation's words: its text first, then its note, then the words just before and after it.
ALTER TABLE "annotations" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('public.sourcemark'::regconfig, public.sourcemark_search_text("exact")), 'A') ||
    setweight(to_tsvector('public.sourcemark'::regconfig, public.sourcemark_search_text(coalesce("note", ''))), 'B') ||
    setweight(to_tsvector('public.sourcemark'::regconfig, public.sourcemark_search_text("prefix" || ' ' || "suffix")), 'D')
  ) STORED;

-- A document's words: its title above its text (the text's first 200,000 characters: a tsvector
-- holds at most 1 MB).
ALTER TABLE "documents" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('public.sourcemark'::regconfig, public.sourcemark_search_text("title")), 'A') ||
    setweight(to_tsvector('public.sourcemark'::regconfig, public.sourcemark_search_text(left("text", 200000))), 'B')
  ) STORED;

-- CreateIndex
CREATE INDEX "annotations_search_vector_idx" ON "annotations" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "annotations_exact_idx" ON "annotations" USING GIN ("exact" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "documents_search_vector_idx" ON "documents" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "speakers_name_idx" ON "speakers" USING GIN ("name" gin_trgm_ops);
