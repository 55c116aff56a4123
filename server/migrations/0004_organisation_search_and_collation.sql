-- Byte order for the materialised path (so `path LIKE '/a/b/%'` uses the btree index on any server
-- locale) and for the Vietnamese sort keys computed in TypeScript (organisation/sort-key.ts).
ALTER TABLE "units" ALTER COLUMN "path" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "sort_key" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "sort_key" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
-- Diacritic- and case-insensitive search (platform/db/search.ts matchesText), PostgreSQL 15 and PGlite.
CREATE INDEX IF NOT EXISTS "units_name_search_idx" ON "units" USING gin (f_unaccent(lower("name")) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_code_search_idx" ON "units" USING gin (f_unaccent(lower("code")) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "persons_name_search_idx" ON "persons" USING gin (f_unaccent(lower("full_name")) gin_trgm_ops);
