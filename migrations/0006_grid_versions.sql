CREATE TABLE "grid_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Statement-level triggers with transition tables bump the version of every grid whose buildings, households,
-- residents or key-population tags a statement wrote (a move between grids bumps both). One statement per write,
-- however many rows: a bulk import of 100,000 residents bumps each grid it touched once.
CREATE FUNCTION "bump_grid_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "grid_versions" ("code", "version")
			SELECT DISTINCT "territory_code", 1 FROM "new_rows" WHERE "territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO "grid_versions" ("code", "version")
			SELECT "territory_code", 1 FROM "new_rows" WHERE "territory_code" IS NOT NULL
			UNION SELECT "territory_code", 1 FROM "old_rows" WHERE "territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	ELSE
		INSERT INTO "grid_versions" ("code", "version")
			SELECT DISTINCT "territory_code", 1 FROM "old_rows" WHERE "territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "bump_grid_versions_of_tags"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "grid_versions" ("code", "version")
			SELECT DISTINCT r."territory_code", 1 FROM "new_rows" n JOIN "residents" r ON r."id" = n."resident_id"
			WHERE r."territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO "grid_versions" ("code", "version")
			SELECT r."territory_code", 1 FROM "new_rows" n JOIN "residents" r ON r."id" = n."resident_id"
			WHERE r."territory_code" IS NOT NULL
			UNION SELECT r."territory_code", 1 FROM "old_rows" o JOIN "residents" r ON r."id" = o."resident_id"
			WHERE r."territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	ELSE
		-- A tag deleted with its resident (cascade) finds no resident here; the resident's own delete bumped the grid.
		INSERT INTO "grid_versions" ("code", "version")
			SELECT DISTINCT r."territory_code", 1 FROM "old_rows" o JOIN "residents" r ON r."id" = o."resident_id"
			WHERE r."territory_code" IS NOT NULL
			ON CONFLICT ("code") DO UPDATE SET "version" = "grid_versions"."version" + 1;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "buildings_insert_bump_grid_versions" AFTER INSERT ON "buildings" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "buildings_update_bump_grid_versions" AFTER UPDATE ON "buildings" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "buildings_delete_bump_grid_versions" AFTER DELETE ON "buildings" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "households_insert_bump_grid_versions" AFTER INSERT ON "households" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "households_update_bump_grid_versions" AFTER UPDATE ON "households" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "households_delete_bump_grid_versions" AFTER DELETE ON "households" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "residents_insert_bump_grid_versions" AFTER INSERT ON "residents" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "residents_update_bump_grid_versions" AFTER UPDATE ON "residents" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "residents_delete_bump_grid_versions" AFTER DELETE ON "residents" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions"();
--> statement-breakpoint
CREATE TRIGGER "resident_tags_insert_bump_grid_versions" AFTER INSERT ON "resident_tags" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions_of_tags"();
--> statement-breakpoint
CREATE TRIGGER "resident_tags_update_bump_grid_versions" AFTER UPDATE ON "resident_tags" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions_of_tags"();
--> statement-breakpoint
CREATE TRIGGER "resident_tags_delete_bump_grid_versions" AFTER DELETE ON "resident_tags" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_grid_versions_of_tags"();
