-- The contacts module's tables bump the registry's data version, as the people, leaders and party tables do: the
-- figures (households without a contact, central households) and every cache over the registry see a change at once.
CREATE TRIGGER "central_households_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "central_households" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "contact_assignments_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "contact_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
--> statement-breakpoint
CREATE TRIGGER "contact_community_settings_bump_registry_version" AFTER INSERT OR UPDATE OR DELETE ON "contact_community_settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
