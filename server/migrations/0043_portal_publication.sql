ALTER TABLE "decisions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "movements" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "decisions_published_idx" ON "decisions" USING btree ("published_at","id") WHERE "decisions"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "movements_published_idx" ON "movements" USING btree ("published_at","id") WHERE "movements"."published_at" is not null;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_published_check" CHECK ("decisions"."published_at" is null or "decisions"."status" = 'issued');--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_published_check" CHECK ("movements"."published_at" is null or "movements"."status" <> 'draft');