CREATE TABLE "inspection_notice_counters" (
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_notice_counters_council_id_year_pk" PRIMARY KEY("council_id","year")
);
--> statement-breakpoint
CREATE TABLE "inspection_remedy_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remedy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_remedy_reminders_kind_check" CHECK ("inspection_remedy_reminders"."kind" in ('due_soon', 'overdue'))
);
--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_council_id" uuid;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_year" integer;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_sequence" integer;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_number" text;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_date" date;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD COLUMN "notice_issued_by" uuid;--> statement-breakpoint
ALTER TABLE "inspection_notice_counters" ADD CONSTRAINT "inspection_notice_counters_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_remedy_reminders" ADD CONSTRAINT "inspection_remedy_reminders_remedy_id_inspection_remedies_id_fk" FOREIGN KEY ("remedy_id") REFERENCES "public"."inspection_remedies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_remedy_reminders_key" ON "inspection_remedy_reminders" USING btree ("remedy_id","kind","due_on");--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_notice_council_id_councils_id_fk" FOREIGN KEY ("notice_council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_targets" ADD CONSTRAINT "inspection_targets_notice_issued_by_users_id_fk" FOREIGN KEY ("notice_issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_targets_notice_key" ON "inspection_targets" USING btree ("notice_council_id","notice_year","notice_sequence");
