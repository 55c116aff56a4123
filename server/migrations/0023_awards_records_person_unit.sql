ALTER TABLE "award_received" ADD COLUMN "person_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "award_initiatives" ADD COLUMN "person_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "award_person_ratings" ADD COLUMN "person_unit_id" uuid;--> statement-breakpoint
-- Each person's record carries the person's unit (kept by the triggers of the next migration), so a
-- list of a subtree reads the records of its units from one index range per unit. Filled before the
-- indexes are built.
UPDATE "award_person_ratings" r SET "person_unit_id" = p."unit_id" FROM "persons" p WHERE p."id" = r."person_id";--> statement-breakpoint
UPDATE "award_received" r SET "person_unit_id" = p."unit_id" FROM "persons" p WHERE p."id" = r."person_id";--> statement-breakpoint
UPDATE "award_initiatives" r SET "person_unit_id" = p."unit_id" FROM "persons" p WHERE p."id" = r."person_id";--> statement-breakpoint
CREATE INDEX "award_received_person_unit_year_idx" ON "award_received" USING btree ("person_unit_id","year");--> statement-breakpoint
CREATE INDEX "award_initiatives_unit_year_idx" ON "award_initiatives" USING btree ("person_unit_id","year");--> statement-breakpoint
CREATE INDEX "award_person_ratings_unit_year_idx" ON "award_person_ratings" USING btree ("person_unit_id","year");