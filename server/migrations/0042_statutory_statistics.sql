CREATE TABLE "statistics_manual_cells" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_code" text NOT NULL,
	"year" integer NOT NULL,
	"row_code" text NOT NULL,
	"column_code" text NOT NULL,
	"value" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "statistics_manual_cells_value" CHECK ("statistics_manual_cells"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "statistics_manual_cells" ADD CONSTRAINT "statistics_manual_cells_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_manual_cells_key" ON "statistics_manual_cells" USING btree ("unit_id","form_code","year","row_code","column_code");--> statement-breakpoint
CREATE INDEX "statistics_manual_cells_form_idx" ON "statistics_manual_cells" USING btree ("form_code","year");--> statement-breakpoint
CREATE INDEX "award_received_subject_unit_date_idx" ON "award_received" USING btree (coalesce("unit_id", "person_unit_id", "household_unit_id"),"decision_date");