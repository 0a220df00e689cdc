-- The word pairs of an annotation (search_phrases), computed in one pass. The SQL function joined
-- the vector's words to themselves and was planned again by every statement that wrote an
-- annotation: 410 µs of a single-row INSERT of about 1.3 ms, measured on 3,000 annotations on this
-- project's benchmark machine. This one reads the words once, sorted by position, and pairs each
-- with the words one position further on: 180 µs, and 32 instead of 66 µs a row when a statement
-- writes many (bench/annotation-throughput.ts and the import pay the first, search's filter the
-- second). The pairs are the same for every vector — several words at one position included — so
-- the index built on the former function stays valid and is not rebuilt.
CREATE OR REPLACE FUNCTION public.sourcemark_shingles(tsvector) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    DECLARE
      words text[];
      positions int[];
      pairs text[] := '{}';
      n int;
      j int;
    BEGIN
      SELECT array_agg(u.lexeme ORDER BY p, u.lexeme), array_agg(p ORDER BY p, u.lexeme)
        INTO words, positions
        FROM unnest($1) u, unnest(u.positions) p;
      n := coalesce(array_length(positions, 1), 0);
      FOR i IN 1 .. n - 1 LOOP
        j := i + 1;
        WHILE j <= n AND positions[j] <= positions[i] + 1 LOOP
          IF positions[j] = positions[i] + 1 THEN
            pairs := pairs || (words[i] || ' ' || words[j]);
          END IF;
          j := j + 1;
        END LOOP;
      END LOOP;
      RETURN array_to_tsvector(pairs);
    END
  $$;
