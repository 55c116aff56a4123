-- Search the way officials type (issue 9): without diacritics, words in any order, each word the start
-- of a word of the name. `search_terms` holds every prefix of every word (lower case, no diacritics);
-- a search is `search_terms @> search_words(q)`, answered by one GIN index on PostgreSQL 15 and PGlite.
-- The trigram index on people's names served the old `ILIKE '%…%'` search only (dropped first, so the
-- fill below does not update it for every row).
DROP INDEX IF EXISTS "persons_name_search_idx";
--> statement-breakpoint
-- The words of a text, lower case without diacritics: 'Nguyễn Văn-An' → {nguyen,van,an}.
CREATE OR REPLACE FUNCTION search_words(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(word), '{}'::text[])
        FROM regexp_split_to_table(lower(f_unaccent($1)), '[^[:alnum:]]+') AS word
        WHERE word <> '' $$;
--> statement-breakpoint
-- Every prefix of every word: 'Lò Thị Bún' → {l,lo,t,th,thi,b,bu,bun}.
CREATE OR REPLACE FUNCTION search_prefixes(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT left(word, n)), '{}'::text[])
        FROM unnest(search_words($1)) AS word, generate_series(1, length(word)) AS n $$;
--> statement-breakpoint
-- Filled once per distinct name (generated data repeats names), without firing the triggers below.
UPDATE "persons" AS p SET "search_terms" = t.terms
  FROM (SELECT "full_name", search_prefixes("full_name") AS terms FROM "persons" GROUP BY "full_name") AS t
  WHERE t."full_name" = p."full_name";
--> statement-breakpoint
UPDATE "units" SET "search_terms" = search_prefixes(concat_ws(' ', "name", "short_name", "code"));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION persons_search_terms() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.search_terms := search_prefixes(NEW.full_name); RETURN NEW; END $$;
--> statement-breakpoint
CREATE TRIGGER "persons_search_terms" BEFORE INSERT OR UPDATE OF "full_name", "search_terms" ON "persons"
  FOR EACH ROW EXECUTE FUNCTION persons_search_terms();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_search_terms() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.search_terms := search_prefixes(concat_ws(' ', NEW.name, NEW.short_name, NEW.code)); RETURN NEW; END $$;
--> statement-breakpoint
CREATE TRIGGER "units_search_terms" BEFORE INSERT OR UPDATE OF "name", "short_name", "code", "search_terms" ON "units"
  FOR EACH ROW EXECUTE FUNCTION units_search_terms();
--> statement-breakpoint
CREATE INDEX "persons_search_terms_idx" ON "persons" USING gin ("search_terms");
--> statement-breakpoint
CREATE INDEX "units_search_terms_idx" ON "units" USING gin ("search_terms");
--> statement-breakpoint
-- After rewriting every row, so the planner does not fall back to sequential scans.
ANALYZE "persons";
--> statement-breakpoint
ANALYZE "units";
