CREATE INDEX "plan_obligations_pending_movement_due_idx" ON "plan_obligations" USING btree ("movement_id","due_on") WHERE "plan_obligations"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "plan_obligations_pending_due_idx" ON "plan_obligations" USING btree ("due_on","id") WHERE "plan_obligations"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "registrations_submitted_unit_idx" ON "registrations" USING btree ("unit_id","submitted_at") WHERE "registrations"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "registrations_person_idx" ON "registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "role_grants_unit_role_idx" ON "role_grants" USING btree ("unit_id","role");