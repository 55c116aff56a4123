-- Unit search also matches the short name (UBND, SNV); without this index every search scanned units.
CREATE INDEX IF NOT EXISTS "units_short_name_search_idx" ON "units" USING gin (f_unaccent(lower("short_name")) gin_trgm_ops);
