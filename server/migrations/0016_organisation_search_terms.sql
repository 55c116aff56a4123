ALTER TABLE "persons" ADD COLUMN "search_terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "search_terms" text[] DEFAULT '{}'::text[] NOT NULL;
