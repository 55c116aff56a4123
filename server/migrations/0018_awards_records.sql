CREATE TABLE "award_received" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"award_code" text NOT NULL,
	"year" integer NOT NULL,
	"reward_type" text DEFAULT 'thuong_xuyen' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"decider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "award_received_one_subject" CHECK (("award_received"."person_id" is null) <> ("award_received"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "award_base_salaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_date" date NOT NULL,
	"amount" integer NOT NULL,
	"article" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"used_for_award" text,
	"used_for_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_person_disciplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"pending" boolean DEFAULT false NOT NULL,
	"decision_number" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_person_position_classes" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"position_class" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_person_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"score" double precision,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_rule_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set" text NOT NULL,
	"award_code" text NOT NULL,
	"subject" text NOT NULL,
	"rule" jsonb NOT NULL,
	"notes" jsonb,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "award_unit_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" text NOT NULL,
	"score" double precision,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "award_received" ADD CONSTRAINT "award_received_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_received" ADD CONSTRAINT "award_received_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_initiatives" ADD CONSTRAINT "award_initiatives_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_person_disciplines" ADD CONSTRAINT "award_person_disciplines_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_person_position_classes" ADD CONSTRAINT "award_person_position_classes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_person_ratings" ADD CONSTRAINT "award_person_ratings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_unit_ratings" ADD CONSTRAINT "award_unit_ratings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_received_person_key" ON "award_received" USING btree ("person_id","award_code","year","reward_type");--> statement-breakpoint
CREATE UNIQUE INDEX "award_received_unit_key" ON "award_received" USING btree ("unit_id","award_code","year","reward_type");--> statement-breakpoint
CREATE UNIQUE INDEX "award_base_salaries_key" ON "award_base_salaries" USING btree ("from_date");--> statement-breakpoint
CREATE INDEX "award_initiatives_person_idx" ON "award_initiatives" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "award_person_disciplines_person_idx" ON "award_person_disciplines" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_person_ratings_key" ON "award_person_ratings" USING btree ("person_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_rule_overrides_key" ON "award_rule_overrides" USING btree ("rule_set","award_code","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "award_unit_ratings_key" ON "award_unit_ratings" USING btree ("unit_id","year");