CREATE TABLE "bloc_members" (
	"bloc_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "bloc_members_bloc_id_unit_id_pk" PRIMARY KEY("bloc_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "blocs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'sector' NOT NULL,
	"supervisor_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"term_from" date NOT NULL,
	"term_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"standing_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" text,
	"started_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date,
	"id_number" text,
	"category" text NOT NULL,
	"position" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"is_direct_worker" boolean DEFAULT false NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"sort_key" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_successions" (
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_successions_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "bloc_members" ADD CONSTRAINT "bloc_members_bloc_id_blocs_id_fk" FOREIGN KEY ("bloc_id") REFERENCES "public"."blocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bloc_members" ADD CONSTRAINT "bloc_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocs" ADD CONSTRAINT "blocs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocs" ADD CONSTRAINT "blocs_supervisor_member_id_council_members_id_fk" FOREIGN KEY ("supervisor_member_id") REFERENCES "public"."council_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_standing_unit_id_units_id_fk" FOREIGN KEY ("standing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_predecessor_id_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bloc_members_unit_idx" ON "bloc_members" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "blocs_council_year_name_key" ON "blocs" USING btree ("council_id","year","name");--> statement-breakpoint
CREATE UNIQUE INDEX "council_members_person_term_key" ON "council_members" USING btree ("council_id","person_id","term_from");--> statement-breakpoint
CREATE INDEX "council_members_person_idx" ON "council_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_unit_key" ON "councils" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employments_person_idx" ON "employments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employments_unit_idx" ON "employments" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_identity_key" ON "persons" USING btree ("unit_id","full_name",coalesce("birth_date", '0001-01-01'::date));--> statement-breakpoint
CREATE UNIQUE INDEX "persons_user_key" ON "persons" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_key" ON "persons" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "persons_unit_sort_idx" ON "persons" USING btree ("unit_id","sort_key");--> statement-breakpoint
CREATE INDEX "persons_sort_idx" ON "persons" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "unit_successions_successor_idx" ON "unit_successions" USING btree ("successor_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_parent_sort_idx" ON "units" USING btree ("parent_id","sort_key");--> statement-breakpoint
CREATE INDEX "units_sort_idx" ON "units" USING btree ("sort_key","id");