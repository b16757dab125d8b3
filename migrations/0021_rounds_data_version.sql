-- The rounds module's tables bump a data set of their own, 'rounds', not the registry's: a visit is the most
-- frequent write of a door-knocking round, and it must not recompute the registry's figures, the tree, the fact
-- sheets and the coverage board (cached per registry version). The rounds' figures are cached per 'rounds' version
-- (FigureSet.dataSets).
INSERT INTO "data_versions" ("name", "version") VALUES ('rounds', 0) ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_rounds_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'rounds';
	RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "rounds_bump_registry_version" ON "rounds";
--> statement-breakpoint
DROP TRIGGER "round_households_bump_registry_version" ON "round_households";
--> statement-breakpoint
DROP TRIGGER "round_visits_bump_registry_version" ON "round_visits";
--> statement-breakpoint
CREATE TRIGGER "rounds_bump_rounds_version" AFTER INSERT OR UPDATE OR DELETE ON "rounds" FOR EACH STATEMENT EXECUTE FUNCTION "bump_rounds_version"();
--> statement-breakpoint
CREATE TRIGGER "round_households_bump_rounds_version" AFTER INSERT OR UPDATE OR DELETE ON "round_households" FOR EACH STATEMENT EXECUTE FUNCTION "bump_rounds_version"();
--> statement-breakpoint
CREATE TRIGGER "round_visits_bump_rounds_version" AFTER INSERT OR UPDATE OR DELETE ON "round_visits" FOR EACH STATEMENT EXECUTE FUNCTION "bump_rounds_version"();
