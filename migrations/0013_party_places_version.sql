-- The coverage board is cached per version of the registry's data (organisation module): the places a party
-- organisation covers are read there ("grids without a branch"), so changing them bumps the version too.
CREATE TRIGGER "party_org_places_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "party_org_places" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
