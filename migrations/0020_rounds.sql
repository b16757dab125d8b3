CREATE TABLE "round_grids" (
	"round_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"households" integer NOT NULL,
	"visited" integer DEFAULT 0 NOT NULL,
	"covered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_grids_round_id_grid_id_pk" PRIMARY KEY("round_id","grid_id")
);
--> statement-breakpoint
CREATE TABLE "round_households" (
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"building_id" uuid NOT NULL,
	"building_code" text NOT NULL,
	"unit_number" smallint NOT NULL,
	"floor" smallint NOT NULL,
	"room" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"visits" smallint DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"last_visited_at" timestamp with time zone,
	"nobody_home_on" date,
	"covered_at" timestamp with time zone,
	CONSTRAINT "round_households_round_id_household_id_pk" PRIMARY KEY("round_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "round_visitors" (
	"round_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"visitor_key" uuid NOT NULL,
	"visitor_user_id" uuid,
	"visitor_person_id" uuid,
	"visits" integer DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_visitors_round_id_grid_id_visitor_key_pk" PRIMARY KEY("round_id","grid_id","visitor_key")
);
--> statement-breakpoint
CREATE TABLE "round_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"building_id" uuid NOT NULL,
	"visitor_user_id" uuid,
	"visitor_person_id" uuid,
	"visited_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note_enc" text,
	"follow_up" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_reason" text
);
--> statement-breakpoint
ALTER TABLE "round_grids" ADD CONSTRAINT "round_grids_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_households" ADD CONSTRAINT "round_households_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_visitors" ADD CONSTRAINT "round_visitors_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_visits" ADD CONSTRAINT "round_visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_households_building_idx" ON "round_households" USING btree ("round_id","building_id");--> statement-breakpoint
CREATE INDEX "round_households_code_idx" ON "round_households" USING btree ("round_id","territory_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "round_visits_client_key" ON "round_visits" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "round_visits_household_idx" ON "round_visits" USING btree ("round_id","household_id");--> statement-breakpoint
CREATE INDEX "round_visits_visitor_idx" ON "round_visits" USING btree ("round_id","visitor_user_id");--> statement-breakpoint
CREATE INDEX "round_visits_territory_code_idx" ON "round_visits" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rounds_territory_code_idx" ON "rounds" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rounds_closed_at_idx" ON "rounds" USING btree ("closed_at");--> statement-breakpoint
-- The rounds' figures (doorKnockRounds, lastRoundCoverage, visits) are cached per version of the registry's data.
CREATE TRIGGER "rounds_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "rounds" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();--> statement-breakpoint
CREATE TRIGGER "round_households_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "round_households" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();--> statement-breakpoint
CREATE TRIGGER "round_visits_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "round_visits" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
