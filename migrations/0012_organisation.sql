CREATE TABLE "building_chats" (
	"building_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"qr_image" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"nomination" text NOT NULL,
	"nomination_note" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	"ended_at" timestamp with time zone,
	"renewal_of" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alliance_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact" text,
	"starts_on" date NOT NULL,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"group_id" uuid,
	"status" text NOT NULL,
	"central_household" boolean DEFAULT false NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_org_places" (
	"org_id" uuid NOT NULL,
	"place_kind" text NOT NULL,
	"place_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	CONSTRAINT "party_org_places_org_id_place_id_pk" PRIMARY KEY("org_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"community_code" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"work_unit_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"community_code" text NOT NULL,
	"territory_code" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text,
	"status" text NOT NULL,
	"branch_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	"starts_on" date,
	"ends_on" date,
	"transferred_to" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_secretaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"is_cadre" boolean DEFAULT false NOT NULL,
	"cadre_unit" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_workers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"employment" text NOT NULL,
	"occupation" text DEFAULT 'staff' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"territory_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"territory_code" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT 'anytime' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "publish_mobile" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "building_chats" ADD CONSTRAINT "building_chats_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_terms" ADD CONSTRAINT "leader_terms_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_terms" ADD CONSTRAINT "leader_terms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_terms" ADD CONSTRAINT "leader_terms_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_terms" ADD CONSTRAINT "leader_terms_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_units" ADD CONSTRAINT "alliance_units_alliance_id_party_orgs_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_branch_id_party_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_group_id_party_orgs_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org_places" ADD CONSTRAINT "party_org_places_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_work_unit_id_work_units_id_fk" FOREIGN KEY ("work_unit_id") REFERENCES "public"."work_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_branch_id_party_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_registrations" ADD CONSTRAINT "party_registrations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_secretaries" ADD CONSTRAINT "party_secretaries_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_secretaries" ADD CONSTRAINT "party_secretaries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_grid_id_territories_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team_members" ADD CONSTRAINT "volunteer_team_members_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team_members" ADD CONSTRAINT "volunteer_team_members_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_terms_building_idx" ON "leader_terms" USING btree ("building_id","starts_on");--> statement-breakpoint
CREATE INDEX "leader_terms_person_idx" ON "leader_terms" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "leader_terms_status_ends_idx" ON "leader_terms" USING btree ("status","ends_on");--> statement-breakpoint
CREATE INDEX "alliance_units_alliance_idx" ON "alliance_units" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "party_members_person_idx" ON "party_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "party_members_branch_idx" ON "party_members" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "party_members_group_idx" ON "party_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "party_org_places_place_idx" ON "party_org_places" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "party_org_places_territory_code_idx" ON "party_org_places" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "party_orgs_community_code_idx" ON "party_orgs" USING btree ("community_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_registrations_person_idx" ON "party_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "party_registrations_work_unit_idx" ON "party_registrations" USING btree ("work_unit_id");--> statement-breakpoint
CREATE INDEX "party_registrations_territory_code_idx" ON "party_registrations" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_registrations_branch_idx" ON "party_registrations" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "party_secretaries_org_idx" ON "party_secretaries" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_secretaries_person_idx" ON "party_secretaries" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_units_name_key" ON "work_units" USING btree ("name");--> statement-breakpoint
CREATE INDEX "grid_workers_person_idx" ON "grid_workers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "grid_workers_grid_idx" ON "grid_workers" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "grid_workers_territory_code_idx" ON "grid_workers" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteer_team_members_team_idx" ON "volunteer_team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "volunteer_team_members_volunteer_idx" ON "volunteer_team_members" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_teams_parent_idx" ON "volunteer_teams" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "volunteer_teams_territory_code_idx" ON "volunteer_teams" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_person_idx" ON "volunteers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "volunteers_territory_code_idx" ON "volunteers" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "role_assignments_source_idx" ON "role_assignments" USING btree ("source_id");--> statement-breakpoint
-- The report's figures are cached per version of the registry's data (insights): organisation records count there.
CREATE TRIGGER "grid_workers_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "grid_workers" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "leader_terms_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "leader_terms" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "party_orgs_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "party_orgs" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "party_members_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "party_members" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "party_secretaries_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "party_secretaries" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "party_registrations_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "party_registrations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "volunteers_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "volunteers" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
