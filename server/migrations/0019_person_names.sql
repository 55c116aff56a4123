-- The distinct names of people with their search terms (issue 9 item 2): a person search finds the
-- matching names in a small GIN index, then reads each name's people from persons_sort_idx in order.
CREATE TABLE "person_names" (
	"sort_key" text COLLATE "C" PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"search_terms" text[] NOT NULL
);
--> statement-breakpoint
INSERT INTO "person_names" ("sort_key", "full_name", "search_terms")
SELECT DISTINCT ON ("sort_key") "sort_key", "full_name", "search_terms" FROM "persons" ORDER BY "sort_key", "full_name";
--> statement-breakpoint
-- Names are added rarely and read on every search: written straight into the index, never left in
-- a pending list that each search would scan.
CREATE INDEX "person_names_search_terms_idx" ON "person_names" USING gin ("search_terms") WITH (fastupdate = off);
--> statement-breakpoint
-- Statement triggers with transition tables: an import of 100,000 people adds its new names in one
-- statement. A name already known is left as it is (no row lock shared by concurrent writers).
CREATE OR REPLACE FUNCTION person_names_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_names (sort_key, full_name, search_terms)
  SELECT DISTINCT ON (n.sort_key) n.sort_key, n.full_name, n.search_terms FROM new_rows n
  WHERE NOT EXISTS (SELECT 1 FROM person_names k WHERE k.sort_key = n.sort_key)
  ORDER BY n.sort_key, n.full_name
  ON CONFLICT (sort_key) DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "persons_names_insert" AFTER INSERT ON "persons"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_names_add();
--> statement-breakpoint
CREATE TRIGGER "persons_names_update" AFTER UPDATE ON "persons"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_names_add();
--> statement-breakpoint
ANALYZE "person_names";
