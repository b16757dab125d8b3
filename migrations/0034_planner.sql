CREATE TABLE "planner_barriers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"territory_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"line" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planner_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"level" text NOT NULL,
	"mode" text NOT NULL,
	"target_households" integer NOT NULL,
	"tolerance" real NOT NULL,
	"grid_count" integer,
	"seed" integer NOT NULL,
	"timed_out" boolean DEFAULT false NOT NULL,
	"elapsed_ms" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" uuid
);
--> statement-breakpoint
CREATE TABLE "household_grid_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planner_barriers" ADD CONSTRAINT "planner_barriers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planner_proposals" ADD CONSTRAINT "planner_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planner_proposals" ADD CONSTRAINT "planner_proposals_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_grid_history" ADD CONSTRAINT "household_grid_history_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_grid_history" ADD CONSTRAINT "household_grid_history_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planner_barriers_territory_code_idx" ON "planner_barriers" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "planner_proposals_territory_code_idx" ON "planner_proposals" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_grid_history_household_idx" ON "household_grid_history" USING btree ("household_id","ends_at");--> statement-breakpoint
CREATE INDEX "household_grid_history_territory_code_idx" ON "household_grid_history" USING btree ("territory_code" text_pattern_ops);