CREATE TABLE "award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"movement_id" uuid,
	"deadline" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"proposing_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"decider_tier" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"return_due" date,
	"return_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "nominees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"household_name" text,
	"award_code" text NOT NULL,
	"reward_type" text NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "nominees_subject_check" CHECK (("nominees"."subject" = 'individual' and "nominees"."person_id" is not null and "nominees"."unit_id" is null and "nominees"."household_name" is null)
        or ("nominees"."subject" = 'collective' and "nominees"."unit_id" is not null and "nominees"."person_id" is null and "nominees"."household_name" is null)
        or ("nominees"."subject" = 'household' and "nominees"."household_name" is not null and "nominees"."person_id" is null and "nominees"."unit_id" is null)),
	CONSTRAINT "nominees_period_check" CHECK ("nominees"."period_from" <= "nominees"."period_to")
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'holiday' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "award_rounds" ADD CONSTRAINT "award_rounds_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_rounds" ADD CONSTRAINT "award_rounds_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_rounds" ADD CONSTRAINT "award_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_proposing_unit_id_units_id_fk" FOREIGN KEY ("proposing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominees" ADD CONSTRAINT "nominees_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominees" ADD CONSTRAINT "nominees_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominees" ADD CONSTRAINT "nominees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_rounds_list_idx" ON "award_rounds" USING btree ((-"year"),"title","id");--> statement-breakpoint
CREATE INDEX "award_rounds_unit_idx" ON "award_rounds" USING btree ("receiving_unit_id");--> statement-breakpoint
CREATE INDEX "award_rounds_movement_idx" ON "award_rounds" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "nominations_round_idx" ON "nominations" USING btree ("round_id","created_at","id");--> statement-breakpoint
CREATE INDEX "nominations_unit_idx" ON "nominations" USING btree ("proposing_unit_id");--> statement-breakpoint
CREATE INDEX "nominations_status_idx" ON "nominations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "nominees_nomination_idx" ON "nominees" USING btree ("nomination_id","position","id");--> statement-breakpoint
CREATE INDEX "nominees_person_idx" ON "nominees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "nominees_unit_idx" ON "nominees" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_holidays_date_key" ON "public_holidays" USING btree ("date");