-- The duties module's tables bump a data set of their own, 'duties' (as the rounds' do, migration 0021): tasks are
-- generated daily and completed often, and must not recompute the registry's figures; the duties' figures are cached
-- per 'duties' version (FigureSet.dataSets).
INSERT INTO "data_versions" ("name", "version") VALUES ('duties', 0) ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_duties_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'duties';
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "duty_items_bump_duties_version" AFTER INSERT OR UPDATE OR DELETE ON "duty_items" FOR EACH STATEMENT EXECUTE FUNCTION "bump_duties_version"();
--> statement-breakpoint
CREATE TRIGGER "duty_tasks_bump_duties_version" AFTER INSERT OR UPDATE OR DELETE ON "duty_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "bump_duties_version"();
--> statement-breakpoint
CREATE TRIGGER "duty_task_assignees_bump_duties_version" AFTER INSERT OR UPDATE OR DELETE ON "duty_task_assignees" FOR EACH STATEMENT EXECUTE FUNCTION "bump_duties_version"();
