DROP INDEX "award_received_person_unit_year_idx";--> statement-breakpoint
DROP INDEX "award_person_ratings_unit_year_idx";--> statement-breakpoint
DROP INDEX "persons_unit_sort_idx";--> statement-breakpoint
CREATE INDEX "award_received_person_unit_year_idx" ON "award_received" USING btree ("person_unit_id","year","award_code","person_id","reward_type");--> statement-breakpoint
CREATE INDEX "award_person_ratings_unit_year_idx" ON "award_person_ratings" USING btree ("person_unit_id","year","person_id","rating");--> statement-breakpoint
CREATE INDEX "persons_unit_sort_idx" ON "persons" USING btree ("unit_id","sort_key","id","full_name");