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
CREATE INDEX "award_rounds_list_idx" ON "award_rounds" USING btree ((-"year"),"title","id");--> statement-breakpoint
CREATE INDEX "award_rounds_unit_idx" ON "award_rounds" USING btree ("receiving_unit_id");--> statement-breakpoint
CREATE INDEX "award_rounds_movement_idx" ON "award_rounds" USING btree ("movement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_holidays_date_key" ON "public_holidays" USING btree ("date");