CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grid_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"compound" text,
	"kind" text NOT NULL,
	"floors" smallint NOT NULL,
	"unit_count" smallint NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"property_company" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_layout_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"layout" text NOT NULL,
	"community_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"boundary" jsonb,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"room" text NOT NULL,
	"kind" text NOT NULL,
	"tenure" text NOT NULL,
	"note" text,
	"moved_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_household_id" uuid,
	"to_household_id" uuid,
	"details" jsonb,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "resident_tags" (
	"resident_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"care_level" smallint DEFAULT 1 NOT NULL,
	CONSTRAINT "resident_tags_resident_id_tag_pk" PRIMARY KEY("resident_id","tag")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid,
	"building_id" uuid,
	"territory_code" text,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_card_enc" text,
	"id_card_index" text,
	"phone_enc" text,
	"phone_index" text,
	"relation" text NOT NULL,
	"political_status" text DEFAULT 'masses' NOT NULL,
	"residency" text DEFAULT 'registered' NOT NULL,
	"note" text,
	"moved_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"building_id" uuid NOT NULL,
	"number" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_grid_id_territories_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_layout_history" ADD CONSTRAINT "grid_layout_history_community_id_territories_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_tags" ADD CONSTRAINT "resident_tags_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_code_key" ON "buildings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "buildings_grid_idx" ON "buildings" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "buildings_territory_code_idx" ON "buildings" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "grid_layout_history_key" ON "grid_layout_history" USING btree ("layout","code");--> statement-breakpoint
CREATE INDEX "households_building_idx" ON "households" USING btree ("building_id","room");--> statement-breakpoint
CREATE INDEX "households_unit_idx" ON "households" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "households_territory_code_idx" ON "households" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "registry_history_entity_idx" ON "registry_history" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "resident_tags_tag_idx" ON "resident_tags" USING btree ("tag");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_building_idx" ON "residents" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "residents_territory_code_idx" ON "residents" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_name_idx" ON "residents" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_card_index_key" ON "residents" USING btree ("id_card_index");--> statement-breakpoint
CREATE INDEX "residents_phone_index_idx" ON "residents" USING btree ("phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "units_building_number_key" ON "units" USING btree ("building_id","number");