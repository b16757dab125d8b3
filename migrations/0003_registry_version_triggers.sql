-- Statement-level triggers bump the registry's version on every write to its tables. Readers compare it with the
-- version their cached result was computed at: figures stay queries over records, and a cache can never serve
-- numbers older than the last committed write, in any process.
INSERT INTO "data_versions" ("name", "version") VALUES ('registry', 0);
--> statement-breakpoint
CREATE FUNCTION "bump_registry_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'registry';
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "territories_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "territories" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "buildings_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "buildings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "households_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "households" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "residents_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "residents" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "resident_tags_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "resident_tags" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
