DROP INDEX "residents_name_idx";--> statement-breakpoint
CREATE INDEX "residents_name_active_idx" ON "residents" USING btree (("name" collate "C"),"id") WHERE "residents"."moved_out_at" is null;