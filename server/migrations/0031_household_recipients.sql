ALTER TABLE "award_received" DROP CONSTRAINT "award_received_one_subject";--> statement-breakpoint
ALTER TABLE "decision_recipients" DROP CONSTRAINT "decision_recipients_one_subject";--> statement-breakpoint
ALTER TABLE "award_received" ADD COLUMN "household_name" text;--> statement-breakpoint
ALTER TABLE "award_received" ADD COLUMN "household_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD COLUMN "household_name" text;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD COLUMN "household_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "award_received" ADD CONSTRAINT "award_received_household_unit_id_units_id_fk" FOREIGN KEY ("household_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_household_unit_id_units_id_fk" FOREIGN KEY ("household_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_received_household_key" ON "award_received" USING btree ("household_unit_id","household_name","award_code","year","reward_type");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_recipients_household_key" ON "decision_recipients" USING btree ("decision_id","household_unit_id","household_name","award_code");--> statement-breakpoint
ALTER TABLE "award_received" ADD CONSTRAINT "award_received_household_unit" CHECK (("award_received"."household_name" is null) = ("award_received"."household_unit_id" is null));--> statement-breakpoint
ALTER TABLE "award_received" ADD CONSTRAINT "award_received_one_subject" CHECK (num_nonnulls("award_received"."person_id", "award_received"."unit_id", "award_received"."household_name") = 1);--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_household_unit" CHECK (("decision_recipients"."household_name" is null) = ("decision_recipients"."household_unit_id" is null));--> statement-breakpoint
ALTER TABLE "decision_recipients" ADD CONSTRAINT "decision_recipients_one_subject" CHECK (num_nonnulls("decision_recipients"."person_id", "decision_recipients"."unit_id", "decision_recipients"."household_name") = 1);