CREATE TABLE "registry_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"filter_enc" text NOT NULL,
	"reveal" boolean NOT NULL,
	"total_rows" integer,
	"done_rows" integer DEFAULT 0 NOT NULL,
	"file_size" integer,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registry_exports" ADD CONSTRAINT "registry_exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_exports_creator_idx" ON "registry_exports" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "registry_exports_live_idx" ON "registry_exports" USING btree ("created_at") WHERE "registry_exports"."status" in ('queued', 'running', 'ready');--> statement-breakpoint
CREATE INDEX "residents_birth_active_idx" ON "residents" USING btree ("birth_date","id") WHERE "residents"."moved_out_at" is null;--> statement-breakpoint
CREATE INDEX "residents_created_active_idx" ON "residents" USING btree ("created_at","id") WHERE "residents"."moved_out_at" is null;--> statement-breakpoint
CREATE INDEX "residents_grid_name_active_idx" ON "residents" USING btree ("territory_code",("name" collate "C"),"id") WHERE "residents"."moved_out_at" is null;