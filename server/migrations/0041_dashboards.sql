CREATE TABLE "dashboard_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"direct_worker_gap" integer NOT NULL,
	"women_gap" integer NOT NULL,
	"small_collective_gap" integer NOT NULL,
	"small_collective_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "dashboard_settings_ranges" CHECK ("dashboard_settings"."direct_worker_gap" between 0 and 100 and "dashboard_settings"."women_gap" between 0 and 100
        and "dashboard_settings"."small_collective_gap" between 0 and 100 and "dashboard_settings"."small_collective_size" between 1 and 10000)
);
--> statement-breakpoint
ALTER TABLE "dashboard_settings" ADD CONSTRAINT "dashboard_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dashboard_settings_unit_key" ON "dashboard_settings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "persons_unit_fairness_idx" ON "persons" USING btree ("unit_id","id","gender","is_direct_worker","is_leader");