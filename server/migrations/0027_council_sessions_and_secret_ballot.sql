CREATE TABLE "ballot_counts" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"agree" integer DEFAULT 0 NOT NULL,
	"disagree" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ballot_counts_check" CHECK ("ballot_counts"."agree" >= 0 and "ballot_counts"."disagree" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ballot_receipts" (
	"session_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "ballot_receipts_session_id_nominee_id_member_id_pk" PRIMARY KEY("session_id","nominee_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"written_agree" integer DEFAULT 0 NOT NULL,
	"written_disagree" integer DEFAULT 0 NOT NULL,
	"result" text,
	"tally" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "council_agenda_items_written_check" CHECK ("council_agenda_items"."written_agree" >= 0 and "council_agenda_items"."written_disagree" >= 0)
);
--> statement-breakpoint
CREATE TABLE "council_recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"nominee_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_session_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"attendance" text DEFAULT 'present' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "council_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"place" text NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"chair_member_id" uuid NOT NULL,
	"secretary_member_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "ballot_counts" ADD CONSTRAINT "ballot_counts_agenda_item_id_council_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."council_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_recusals" ADD CONSTRAINT "council_recusals_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_recusals" ADD CONSTRAINT "council_recusals_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_recusals" ADD CONSTRAINT "council_recusals_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_members" ADD CONSTRAINT "council_session_members_session_id_council_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."council_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_session_members" ADD CONSTRAINT "council_session_members_member_id_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_chair_member_id_council_members_id_fk" FOREIGN KEY ("chair_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_secretary_member_id_council_members_id_fk" FOREIGN KEY ("secretary_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_sessions" ADD CONSTRAINT "council_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_receipts_member_idx" ON "ballot_receipts" USING btree ("member_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_agenda_items_key" ON "council_agenda_items" USING btree ("session_id","nominee_id");--> statement-breakpoint
CREATE INDEX "council_agenda_items_page_idx" ON "council_agenda_items" USING btree ("session_id","position","id");--> statement-breakpoint
CREATE INDEX "council_agenda_items_nominee_idx" ON "council_agenda_items" USING btree ("nominee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_recusals_key" ON "council_recusals" USING btree ("session_id","nominee_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_session_members_key" ON "council_session_members" USING btree ("session_id","member_id");--> statement-breakpoint
CREATE INDEX "council_session_members_member_idx" ON "council_session_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "council_sessions_list_idx" ON "council_sessions" USING btree ("meeting_date","id");--> statement-breakpoint
CREATE INDEX "council_sessions_council_idx" ON "council_sessions" USING btree ("council_id","meeting_date","id");--> statement-breakpoint
CREATE INDEX "council_sessions_open_idx" ON "council_sessions" USING btree ("status","closes_at");