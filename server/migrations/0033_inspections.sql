CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"text" text NOT NULL,
	"score" real,
	"rating" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_score_check" CHECK ("inspection_findings"."score" is null or "inspection_findings"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "inspection_plans_dates_check" CHECK ("inspection_plans"."ends_on" >= "inspection_plans"."starts_on"),
	CONSTRAINT "inspection_plans_status_check" CHECK ("inspection_plans"."status" in ('draft', 'approved', 'done'))
);
--> statement-breakpoint
CREATE TABLE "inspection_remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"note" text,
	"evidence_file_id" uuid,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "inspection_remedies_status_check" CHECK ("inspection_remedies"."status" in ('not_started', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "inspection_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"inspect_on" date NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "inspection_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"council_member_id" uuid,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_target_id_inspection_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."inspection_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_target_id_inspection_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."inspection_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedies" ADD CONSTRAINT "inspection_remedies_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_members" ADD CONSTRAINT "inspection_team_members_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_members" ADD CONSTRAINT "inspection_team_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team_members" ADD CONSTRAINT "inspection_team_members_council_member_id_council_members_id_fk" FOREIGN KEY ("council_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_key" ON "inspection_findings" USING btree ("target_id","item_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_list_idx" ON "inspection_plans" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "inspection_plans_council_idx" ON "inspection_plans" USING btree ("council_id","year");--> statement-breakpoint
CREATE INDEX "inspection_remedies_target_idx" ON "inspection_remedies" USING btree ("target_id","due_on","id");--> statement-breakpoint
CREATE INDEX "inspection_remedies_open_idx" ON "inspection_remedies" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_targets_key" ON "inspection_targets" USING btree ("plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "inspection_targets_page_idx" ON "inspection_targets" USING btree ("plan_id","inspect_on","id");--> statement-breakpoint
CREATE INDEX "inspection_targets_unit_idx" ON "inspection_targets" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_team_members_key" ON "inspection_team_members" USING btree ("plan_id","person_id");--> statement-breakpoint
CREATE INDEX "inspection_team_members_person_idx" ON "inspection_team_members" USING btree ("person_id");