CREATE TABLE "nominee_appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nominee_id" uuid NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"proposal" text NOT NULL,
	"proposed_award_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "nominee_appraisals_proposal_check" CHECK (("nominee_appraisals"."proposal" in ('agree', 'disagree') and "nominee_appraisals"."proposed_award_code" is null)
        or ("nominee_appraisals"."proposal" = 'other_award' and "nominee_appraisals"."proposed_award_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "nominee_appraisals" ADD CONSTRAINT "nominee_appraisals_nominee_id_nominees_id_fk" FOREIGN KEY ("nominee_id") REFERENCES "public"."nominees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "nominee_appraisals_nominee_key" ON "nominee_appraisals" USING btree ("nominee_id");