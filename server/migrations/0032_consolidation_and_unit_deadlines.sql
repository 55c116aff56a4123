CREATE TABLE "round_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_unit_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "nominees" ADD COLUMN "source_nominee_id" uuid;--> statement-breakpoint
ALTER TABLE "round_reminders" ADD CONSTRAINT "round_reminders_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_reminders" ADD CONSTRAINT "round_reminders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_unit_deadlines" ADD CONSTRAINT "round_unit_deadlines_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_unit_deadlines" ADD CONSTRAINT "round_unit_deadlines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "round_reminders_key" ON "round_reminders" USING btree ("round_id","unit_id","kind","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "round_unit_deadlines_key" ON "round_unit_deadlines" USING btree ("round_id","unit_id");--> statement-breakpoint
ALTER TABLE "nominees" ADD CONSTRAINT "nominees_source_nominee_id_nominees_id_fk" FOREIGN KEY ("source_nominee_id") REFERENCES "public"."nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "nominees_source_key" ON "nominees" USING btree ("source_nominee_id");