DROP INDEX "reports_unit_idx";--> statement-breakpoint
CREATE INDEX "reports_unit_due_idx" ON "reports" USING btree ("unit_id","due_on","id");