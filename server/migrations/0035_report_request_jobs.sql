ALTER TABLE "report_requests" ADD COLUMN "target_count" integer;--> statement-breakpoint
ALTER TABLE "report_requests" ADD COLUMN "send_job_id" uuid;--> statement-breakpoint
UPDATE "report_requests" r SET "target_count" = (SELECT count(*) FROM "reports" WHERE "request_id" = r."id");
