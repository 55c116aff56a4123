ALTER TABLE "bloc_members" DROP CONSTRAINT "bloc_members_bloc_id_blocs_id_fk";
--> statement-breakpoint
ALTER TABLE "blocs" DROP CONSTRAINT "blocs_council_id_councils_id_fk";
--> statement-breakpoint
ALTER TABLE "blocs" DROP CONSTRAINT "blocs_supervisor_member_id_council_members_id_fk";
--> statement-breakpoint
ALTER TABLE "council_members" DROP CONSTRAINT "council_members_council_id_councils_id_fk";
--> statement-breakpoint
ALTER TABLE "bloc_members" ADD CONSTRAINT "bloc_members_bloc_id_blocs_id_fk" FOREIGN KEY ("bloc_id") REFERENCES "public"."blocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocs" ADD CONSTRAINT "blocs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocs" ADD CONSTRAINT "blocs_supervisor_member_id_council_members_id_fk" FOREIGN KEY ("supervisor_member_id") REFERENCES "public"."council_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;