CREATE TABLE "exemplar_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exemplar_id" uuid NOT NULL,
	"award_received_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplar_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exemplar_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exemplar_files_kind_check" CHECK ("exemplar_files"."kind" in ('photo', 'document'))
);
--> statement-breakpoint
CREATE TABLE "exemplar_replications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exemplar_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"replicated_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplar_stage_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exemplar_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"moved_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"moved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid,
	"subject_unit_id" uuid,
	"movement_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"subject_name" text,
	"stage" text DEFAULT 'discover' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"return_reason" text,
	"discovered_on" date NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"is_published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"search_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "exemplars_kind_check" CHECK ("exemplars"."kind" in ('advanced', 'good_deed', 'good_model', 'new_practice')),
	CONSTRAINT "exemplars_subject_check" CHECK ("exemplars"."subject" in ('person', 'collective', 'model')),
	CONSTRAINT "exemplars_stage_check" CHECK ("exemplars"."stage" in ('discover', 'nurture', 'sum_up', 'replicate')),
	CONSTRAINT "exemplars_status_check" CHECK ("exemplars"."status" in ('proposed', 'confirmed', 'returned')),
	CONSTRAINT "exemplars_subject_ref_check" CHECK (("exemplars"."subject" = 'person') = ("exemplars"."person_id" is not null)
        and ("exemplars"."subject" = 'collective') = ("exemplars"."subject_unit_id" is not null)),
	CONSTRAINT "exemplars_published_check" CHECK (not "exemplars"."is_published" or "exemplars"."status" = 'confirmed')
);
--> statement-breakpoint
ALTER TABLE "exemplar_awards" ADD CONSTRAINT "exemplar_awards_exemplar_id_exemplars_id_fk" FOREIGN KEY ("exemplar_id") REFERENCES "public"."exemplars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_awards" ADD CONSTRAINT "exemplar_awards_award_received_id_award_received_id_fk" FOREIGN KEY ("award_received_id") REFERENCES "public"."award_received"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_files" ADD CONSTRAINT "exemplar_files_exemplar_id_exemplars_id_fk" FOREIGN KEY ("exemplar_id") REFERENCES "public"."exemplars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_files" ADD CONSTRAINT "exemplar_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_files" ADD CONSTRAINT "exemplar_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_replications" ADD CONSTRAINT "exemplar_replications_exemplar_id_exemplars_id_fk" FOREIGN KEY ("exemplar_id") REFERENCES "public"."exemplars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_replications" ADD CONSTRAINT "exemplar_replications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_stage_moves" ADD CONSTRAINT "exemplar_stage_moves_exemplar_id_exemplars_id_fk" FOREIGN KEY ("exemplar_id") REFERENCES "public"."exemplars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplar_stage_moves" ADD CONSTRAINT "exemplar_stage_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplars" ADD CONSTRAINT "exemplars_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exemplar_awards_key" ON "exemplar_awards" USING btree ("exemplar_id","award_received_id");--> statement-breakpoint
CREATE INDEX "exemplar_awards_award_idx" ON "exemplar_awards" USING btree ("award_received_id");--> statement-breakpoint
CREATE INDEX "exemplar_files_list_idx" ON "exemplar_files" USING btree ("exemplar_id","created_at","id");--> statement-breakpoint
CREATE INDEX "exemplar_files_file_idx" ON "exemplar_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exemplar_replications_key" ON "exemplar_replications" USING btree ("exemplar_id","unit_id");--> statement-breakpoint
CREATE INDEX "exemplar_replications_unit_idx" ON "exemplar_replications" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exemplar_stage_moves_key" ON "exemplar_stage_moves" USING btree ("exemplar_id","stage");--> statement-breakpoint
CREATE INDEX "exemplars_list_idx" ON "exemplars" USING btree ("discovered_on","id");--> statement-breakpoint
CREATE INDEX "exemplars_unit_idx" ON "exemplars" USING btree ("unit_id","discovered_on","id");--> statement-breakpoint
CREATE INDEX "exemplars_movement_idx" ON "exemplars" USING btree ("movement_id","discovered_on","id");--> statement-breakpoint
CREATE INDEX "exemplars_pending_idx" ON "exemplars" USING btree ("unit_id","created_at") WHERE "exemplars"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "exemplars_published_idx" ON "exemplars" USING btree ("published_at","id") WHERE "exemplars"."is_published";--> statement-breakpoint
CREATE INDEX "exemplars_search_terms_idx" ON "exemplars" USING gin ("search_terms");--> statement-breakpoint
CREATE OR REPLACE FUNCTION exemplars_search_terms() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.search_terms := search_prefixes(concat_ws(' ', NEW.title, NEW.subject_name)); RETURN NEW; END $$;
--> statement-breakpoint
CREATE TRIGGER "exemplars_search_terms" BEFORE INSERT OR UPDATE OF "title", "subject_name", "search_terms" ON "exemplars"
  FOR EACH ROW EXECUTE FUNCTION exemplars_search_terms();
