CREATE TABLE "household_grid_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_grid_history" ADD CONSTRAINT "household_grid_history_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_grid_history" ADD CONSTRAINT "household_grid_history_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_grid_history_household_idx" ON "household_grid_history" USING btree ("household_id","ends_at");--> statement-breakpoint
CREATE INDEX "household_grid_history_territory_code_idx" ON "household_grid_history" USING btree ("territory_code" text_pattern_ops);