CREATE TABLE "public_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"contact" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"address_hash" text NOT NULL,
	"form_nonce" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nominee_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"working_days" integer NOT NULL,
	"article" text NOT NULL,
	"notice_text" text NOT NULL,
	"subject_name" text NOT NULL,
	"position" text,
	"unit_name" text,
	"award_name" text NOT NULL,
	"achievements" text NOT NULL,
	"previous_status" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_comments_notice_idx" ON "public_comments" USING btree ("notice_id","created_at","id");--> statement-breakpoint
CREATE INDEX "public_comments_address_idx" ON "public_comments" USING btree ("address_hash","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_comments_nonce_key" ON "public_comments" USING btree ("form_nonce");--> statement-breakpoint
CREATE INDEX "public_notices_list_idx" ON "public_notices" USING btree ("end_date" desc,"id" desc);--> statement-breakpoint
CREATE INDEX "public_notices_unit_idx" ON "public_notices" USING btree ("receiving_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_nominee_active_key" ON "public_notices" USING btree ("nominee_id") WHERE "public_notices"."withdrawn_at" is null;