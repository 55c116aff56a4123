CREATE TABLE "cascade_counts" (
	"root_movement_id" uuid NOT NULL,
	"ancestor_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"depth" integer NOT NULL,
	"bucket" text NOT NULL,
	"due_on" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "cascade_counts_root_movement_id_ancestor_id_child_id_depth_bucket_due_on_pk" PRIMARY KEY("root_movement_id","ancestor_id","child_id","depth","bucket","due_on")
);
--> statement-breakpoint
DROP INDEX "audit_events_occurred_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "audit_events_entity_idx";--> statement-breakpoint
ALTER TABLE "cascade_counts" ADD CONSTRAINT "cascade_counts_root_movement_id_movements_id_fk" FOREIGN KEY ("root_movement_id") REFERENCES "public"."movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movements_list_idx" ON "movements" USING btree ((-"period_from"),"name","id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_id_idx" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","occurred_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","occurred_at","id");