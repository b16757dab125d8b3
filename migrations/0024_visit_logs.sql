CREATE TABLE "visit_log_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log_id" uuid NOT NULL,
	"author_user_id" uuid,
	"text_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"text_enc" text NOT NULL,
	"search_tokens" text[] NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"place_kind" text NOT NULL,
	"territory_code" text NOT NULL,
	"grid_id" uuid NOT NULL,
	"building_id" uuid,
	"building_ids" uuid[] DEFAULT '{}' NOT NULL,
	"household_ids" uuid[] DEFAULT '{}' NOT NULL,
	"occurred_on" date NOT NULL,
	"follow_up" text DEFAULT 'none' NOT NULL,
	"author_user_id" uuid,
	"author_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_log_comments" ADD CONSTRAINT "visit_log_comments_log_id_visit_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."visit_logs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_log_comments" ADD CONSTRAINT "visit_log_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_logs" ADD CONSTRAINT "visit_logs_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_log_comments_log_idx" ON "visit_log_comments" USING btree ("log_id","created_at");--> statement-breakpoint
CREATE INDEX "visit_logs_territory_code_idx" ON "visit_logs" USING btree ("territory_code" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE INDEX "visit_logs_created_at_idx" ON "visit_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "visit_logs_occurred_idx" ON "visit_logs" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "visit_logs_author_idx" ON "visit_logs" USING btree ("author_user_id","occurred_on");--> statement-breakpoint
CREATE INDEX "visit_logs_tokens_idx" ON "visit_logs" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "visit_logs_tags_idx" ON "visit_logs" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "visit_logs_households_idx" ON "visit_logs" USING gin ("household_ids");--> statement-breakpoint
CREATE INDEX "visit_logs_buildings_idx" ON "visit_logs" USING gin ("building_ids");