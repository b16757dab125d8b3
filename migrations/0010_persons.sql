CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"mobile_enc" text,
	"mobile_index" text,
	"resident_id" uuid,
	"territory_code" text NOT NULL,
	"user_id" uuid,
	"linked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_resident_id_key" ON "persons" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_user_id_key" ON "persons" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "persons_territory_code_idx" ON "persons" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_mobile_index_idx" ON "persons" USING btree ("mobile_index");