CREATE TABLE "central_households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"max_load" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"central_household_id" uuid,
	"territory_code" text NOT NULL,
	"building_id" uuid NOT NULL,
	"distance" integer,
	"source" text DEFAULT 'proposal' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_community_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"community_code" text NOT NULL,
	"leader_max_load" smallint NOT NULL,
	"central_max_load" smallint NOT NULL,
	"max_distance" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "central_households" ADD CONSTRAINT "central_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_households" ADD CONSTRAINT "central_households_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_households" ADD CONSTRAINT "central_households_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "central_households" ADD CONSTRAINT "central_households_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_community_settings" ADD CONSTRAINT "contact_community_settings_community_id_territories_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_community_settings" ADD CONSTRAINT "contact_community_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "central_households_open_key" ON "central_households" USING btree ("household_id") WHERE "central_households"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "central_households_person_idx" ON "central_households" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "central_households_territory_code_idx" ON "central_households" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "contact_assignments_open_key" ON "contact_assignments" USING btree ("household_id","kind") WHERE "contact_assignments"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "contact_assignments_household_idx" ON "contact_assignments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_person_idx" ON "contact_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_central_idx" ON "contact_assignments" USING btree ("central_household_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_territory_code_idx" ON "contact_assignments" USING btree ("territory_code" text_pattern_ops);