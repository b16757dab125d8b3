CREATE TABLE "round_visit_photos" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"building_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"sealed" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_logs" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "round_visit_photos" ADD CONSTRAINT "round_visit_photos_visit_id_round_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."round_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_visit_photos" ADD CONSTRAINT "round_visit_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_visit_photos_round_idx" ON "round_visit_photos" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_logs_client_id_idx" ON "visit_logs" USING btree ("client_id");