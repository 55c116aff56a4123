CREATE TABLE "decision_counters" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_counters_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "decision_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"person_id" uuid,
	"unit_id" uuid,
	"award_code" text NOT NULL,
	"reward_type" text DEFAULT 'thuong_xuyen' NOT NULL,
	"year" integer NOT NULL,
	"achievement" text,
	"nominee_id" uuid,
	"cash_multiple" double precision,
	"cash_amount" bigint,
	"award_received_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "decision_recipients_one_subject" CHECK (("decision_recipients"."person_id" is null) <> ("decision_recipients"."unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decision_date" date NOT NULL,
	"register_year" integer,
	"sequence" integer,
	"number" text,
	"title" text NOT NULL,
	"authority" text NOT NULL,
	"decider" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"place" text,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "decisions_status" CHECK ("decisions"."status" in ('draft', 'issued', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"entry_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"description" text NOT NULL,
	"decision_id" uuid,
	"recipient_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "fund_entries_kind" CHECK ("fund_entries"."kind" in ('income', 'payout', 'spending')),
	CONSTRAINT "fund_entries_amount" CHECK ("fund_entries"."amount" > 0),
	CONSTRAINT "fund_entries_payout" CHECK (("fund_entries"."kind" = 'payout') = ("fund_entries"."recipient_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_award_received_id_award_received_id_fk" FOREIGN KEY ("award_received_id") REFERENCES "public"."award_received"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_entries" ADD CONSTRAINT "fund_entries_recipient_id_decision_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."decision_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_recipients_position_key" ON "decision_recipients" USING btree ("decision_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_recipients_person_key" ON "decision_recipients" USING btree ("decision_id","person_id","award_code");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_recipients_unit_key" ON "decision_recipients" USING btree ("decision_id","unit_id","award_code");--> statement-breakpoint
CREATE INDEX "decision_recipients_person_idx" ON "decision_recipients" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "decision_recipients_unit_idx" ON "decision_recipients" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_number_key" ON "decisions" USING btree ("unit_id","register_year","sequence");--> statement-breakpoint
CREATE INDEX "decisions_unit_list_idx" ON "decisions" USING btree ("unit_id","decision_date","id");--> statement-breakpoint
CREATE INDEX "decisions_list_idx" ON "decisions" USING btree ("decision_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_entries_recipient_key" ON "fund_entries" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "fund_entries_ledger_idx" ON "fund_entries" USING btree ("unit_id","year","entry_date","id");