ALTER TABLE "scoring_publications" ADD COLUMN "present_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD COLUMN "proposals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD COLUMN "next_head_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD COLUMN "next_deputy_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD COLUMN "next_bloc_id" uuid;--> statement-breakpoint
ALTER TABLE "scoring_tables" ADD COLUMN "quotas" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring_tables" ADD COLUMN "indicator_links" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_next_head_unit_id_units_id_fk" FOREIGN KEY ("next_head_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_next_deputy_unit_id_units_id_fk" FOREIGN KEY ("next_deputy_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_next_bloc_id_blocs_id_fk" FOREIGN KEY ("next_bloc_id") REFERENCES "public"."blocs"("id") ON DELETE set null ON UPDATE no action;
