-- A person who is a resident of the registry lives where the resident lives: every change of a resident's grid code
-- (a move, an import, a re-planned grid) is copied to the person, whichever path made it, so that scopes filter
-- persons on their own indexed territory_code. The people module creates a person from a resident with the
-- resident's row locked (for share), so a move cannot slip between the copy and its commit.
CREATE FUNCTION "persons_follow_resident"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "persons" SET "territory_code" = NEW."territory_code", "updated_at" = now()
	WHERE "resident_id" = NEW."id" AND "territory_code" IS DISTINCT FROM NEW."territory_code";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "residents_move_persons" AFTER UPDATE OF "territory_code" ON "residents" FOR EACH ROW
	WHEN (NEW."territory_code" IS NOT NULL AND OLD."territory_code" IS DISTINCT FROM NEW."territory_code")
	EXECUTE FUNCTION "persons_follow_resident"();
--> statement-breakpoint
-- The report's figures are cached per version of the registry's data (insights): persons are counted there too.
CREATE TRIGGER "persons_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "persons" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
