CREATE TABLE "residence_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"household_id" uuid,
	"building_id" uuid,
	"territory_code" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"arrival" text NOT NULL,
	"moved_from_code" text,
	"departure" text NOT NULL,
	"moved_to_code" text
);
--> statement-breakpoint
CREATE TABLE "resident_tag_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"care_level" smallint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_tags" ADD COLUMN "since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "moved_in_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "arrival" text DEFAULT 'registered' NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "moved_from_code" text;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "starts_on" date DEFAULT ((now() at time zone 'UTC') + interval '8 hours')::date NOT NULL;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "residence_history" ADD CONSTRAINT "residence_history_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_history" ADD CONSTRAINT "residence_history_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_history" ADD CONSTRAINT "residence_history_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_tag_history" ADD CONSTRAINT "resident_tag_history_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "residence_history_resident_idx" ON "residence_history" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "residence_history_territory_code_idx" ON "residence_history" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resident_tag_history_resident_idx" ON "resident_tag_history" USING btree ("resident_id");--> statement-breakpoint
-- Figures as of a past day read valid periods. What was recorded before this migration gives them as well as it can:
-- a territory node starts on the day it was added; a resident lives where the row places them since their last move
-- (or registration); a tag is held since its resident's registration; earlier residences come from the registry's
-- history of moves (registry_history).
UPDATE "territories" SET "starts_on" = (("created_at" at time zone 'UTC') + interval '8 hours')::date;
--> statement-breakpoint
UPDATE "residents" SET "moved_in_at" = "created_at";
--> statement-breakpoint
UPDATE "resident_tags" t SET "since" = r."created_at" FROM "residents" r WHERE r."id" = t."resident_id";
--> statement-breakpoint
UPDATE "residents" r SET
	"moved_in_at" = l."at",
	"arrival" = CASE WHEN l."from_household_id" IS NULL THEN 'returned' ELSE 'moved' END,
	"moved_from_code" = (SELECT h."territory_code" FROM "households" h WHERE h."id" = l."from_household_id")
FROM (
	SELECT DISTINCT ON ("entity_id") "entity_id", "at", "from_household_id" FROM "registry_history"
	WHERE "entity_type" = 'resident' AND "event" = 'moved' ORDER BY "entity_id", "at" DESC, "id" DESC
) l
WHERE r."id" = l."entity_id";
--> statement-breakpoint
WITH ev AS (
	SELECT h."id", h."entity_id" AS rid, h."at", h."event", h."from_household_id", h."to_household_id",
		lag(h."at") OVER w AS prev_at, lag(h."event") OVER w AS prev_event,
		lag(h."from_household_id") OVER w AS prev_from, lead(h."event") OVER w AS next_event
	FROM "registry_history" h
	WHERE h."entity_type" = 'resident' AND h."event" IN ('moved_in', 'moved', 'moved_out')
	WINDOW w AS (PARTITION BY h."entity_id" ORDER BY h."at", h."id")
)
INSERT INTO "residence_history" ("id", "resident_id", "household_id", "building_id", "territory_code", "starts_at",
	"ends_at", "arrival", "moved_from_code", "departure", "moved_to_code")
SELECT gen_random_uuid(), ev.rid, ev."from_household_id", hh."building_id", hh."territory_code",
	coalesce(ev.prev_at, r."created_at"), ev."at",
	CASE WHEN ev.prev_event = 'moved' THEN (CASE WHEN ev.prev_from IS NULL THEN 'returned' ELSE 'moved' END)
		ELSE 'registered' END,
	CASE WHEN ev.prev_event = 'moved' THEN (SELECT p."territory_code" FROM "households" p WHERE p."id" = ev.prev_from) END,
	CASE WHEN ev."event" = 'moved' THEN 'moved' ELSE 'moved_out' END,
	CASE WHEN ev."event" = 'moved' THEN (SELECT n."territory_code" FROM "households" n WHERE n."id" = ev."to_household_id") END
FROM ev
JOIN "residents" r ON r."id" = ev.rid
JOIN "households" hh ON hh."id" = ev."from_household_id"
WHERE coalesce(ev.prev_event, '') <> 'moved_out' AND (ev."event" = 'moved' OR ev.next_event IS NOT NULL);
--> statement-breakpoint
-- The report's figures are cached per version of the registry's data (insights): these periods count there.
CREATE TRIGGER "residence_history_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "residence_history" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "resident_tag_history_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "resident_tag_history" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
