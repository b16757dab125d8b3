CREATE TABLE "territory_base_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"territory_code" text NOT NULL,
	"kind" text NOT NULL,
	"line" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "territory_base_lines_code_idx" ON "territory_base_lines" USING btree ("territory_code" text_pattern_ops);