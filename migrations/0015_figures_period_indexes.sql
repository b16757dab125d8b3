-- Covering indexes for figures as of a past day and over a period (registry.figures.ts): counting who lived where
-- on a day, or who arrived over a period, reads these alone (an index-only scan) instead of every resident's whole
-- row. Written by hand: drizzle declares no INCLUDE columns, so the tables files do not list them.
CREATE INDEX "residents_present_idx" ON "residents" USING btree ("moved_in_at") INCLUDE ("moved_out_at", "territory_code", "building_id", "id", "arrival", "moved_from_code");
--> statement-breakpoint
CREATE INDEX "residents_moved_out_idx" ON "residents" USING btree ("moved_out_at") INCLUDE ("territory_code", "building_id") WHERE "moved_out_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "households_present_idx" ON "households" USING btree ("created_at") INCLUDE ("moved_out_at", "territory_code", "building_id");
