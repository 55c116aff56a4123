CREATE TABLE "scoring_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"max_points" double precision NOT NULL,
	"points_per_item" double precision,
	"penalty_per_item" double precision,
	"min_points" double precision,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_criteria_kind_check" CHECK ("scoring_criteria"."kind" in ('group', 'quantitative', 'qualitative', 'fixed', 'bonus_penalty'))
);
--> statement-breakpoint
CREATE TABLE "scoring_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_figures" jsonb,
	"figures" jsonb,
	"explanation" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "scoring_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"figures" jsonb,
	"score" double precision,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_events_stage_check" CHECK ("scoring_events"."stage" in ('self', 'review1', 'explanation', 'review2', 'final'))
);
--> statement-breakpoint
CREATE TABLE "scoring_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"bloc_id" uuid NOT NULL,
	"votes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_results" (
	"publication_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"total" double precision NOT NULL,
	"rank" integer NOT NULL,
	"is_leading" boolean NOT NULL,
	"decided_by" jsonb,
	CONSTRAINT "scoring_results_publication_id_unit_id_pk" PRIMARY KEY("publication_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "scoring_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"bloc_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'self_assessment' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "scoring_sheets_status_check" CHECK ("scoring_sheets"."status" in ('self_assessment', 'submitted', 'reviewed', 'explained', 'final'))
);
--> statement-breakpoint
CREATE TABLE "scoring_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"bloc_id" uuid,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"tie_break" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"leading_count" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "scoring_tables_status_check" CHECK ("scoring_tables"."status" in ('draft', 'open', 'published')),
	CONSTRAINT "scoring_tables_leading_check" CHECK ("scoring_tables"."leading_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "scoring_targets" (
	"criterion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_targets_criterion_id_unit_id_pk" PRIMARY KEY("criterion_id","unit_id"),
	CONSTRAINT "scoring_targets_positive_check" CHECK ("scoring_targets"."target" > 0)
);
--> statement-breakpoint
ALTER TABLE "scoring_criteria" ADD CONSTRAINT "scoring_criteria_table_id_scoring_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."scoring_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_criteria" ADD CONSTRAINT "scoring_criteria_parent_id_scoring_criteria_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."scoring_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_entries" ADD CONSTRAINT "scoring_entries_sheet_id_scoring_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."scoring_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_entries" ADD CONSTRAINT "scoring_entries_criterion_id_scoring_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."scoring_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_events" ADD CONSTRAINT "scoring_events_entry_id_scoring_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."scoring_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_events" ADD CONSTRAINT "scoring_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_evidence" ADD CONSTRAINT "scoring_evidence_entry_id_scoring_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."scoring_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_evidence" ADD CONSTRAINT "scoring_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_evidence" ADD CONSTRAINT "scoring_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_table_id_scoring_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."scoring_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_bloc_id_blocs_id_fk" FOREIGN KEY ("bloc_id") REFERENCES "public"."blocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_publications" ADD CONSTRAINT "scoring_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_publication_id_scoring_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."scoring_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_results" ADD CONSTRAINT "scoring_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sheets" ADD CONSTRAINT "scoring_sheets_table_id_scoring_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."scoring_tables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sheets" ADD CONSTRAINT "scoring_sheets_bloc_id_blocs_id_fk" FOREIGN KEY ("bloc_id") REFERENCES "public"."blocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_sheets" ADD CONSTRAINT "scoring_sheets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_tables" ADD CONSTRAINT "scoring_tables_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_tables" ADD CONSTRAINT "scoring_tables_bloc_id_blocs_id_fk" FOREIGN KEY ("bloc_id") REFERENCES "public"."blocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_tables" ADD CONSTRAINT "scoring_tables_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_targets" ADD CONSTRAINT "scoring_targets_criterion_id_scoring_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."scoring_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_targets" ADD CONSTRAINT "scoring_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_criteria_code_key" ON "scoring_criteria" USING btree ("table_id","code");--> statement-breakpoint
CREATE INDEX "scoring_criteria_table_idx" ON "scoring_criteria" USING btree ("table_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_entries_key" ON "scoring_entries" USING btree ("sheet_id","criterion_id");--> statement-breakpoint
CREATE INDEX "scoring_events_entry_idx" ON "scoring_events" USING btree ("entry_id","created_at");--> statement-breakpoint
CREATE INDEX "scoring_evidence_entry_idx" ON "scoring_evidence" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_publications_key" ON "scoring_publications" USING btree ("table_id","bloc_id");--> statement-breakpoint
CREATE INDEX "scoring_results_leading_idx" ON "scoring_results" USING btree ("unit_id","year") WHERE "scoring_results"."is_leading";--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_sheets_key" ON "scoring_sheets" USING btree ("table_id","bloc_id","unit_id");--> statement-breakpoint
CREATE INDEX "scoring_sheets_page_idx" ON "scoring_sheets" USING btree ("table_id","bloc_id","id");--> statement-breakpoint
CREATE INDEX "scoring_sheets_unit_idx" ON "scoring_sheets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "scoring_tables_list_idx" ON "scoring_tables" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "scoring_tables_council_idx" ON "scoring_tables" USING btree ("council_id","year");--> statement-breakpoint
CREATE INDEX "scoring_tables_bloc_idx" ON "scoring_tables" USING btree ("bloc_id");--> statement-breakpoint
CREATE INDEX "scoring_targets_unit_idx" ON "scoring_targets" USING btree ("unit_id");
