-- The visit logs' tables bump a data set of their own, 'visitlogs' (as the rounds' do since 0021): writing a log is
-- frequent and must not recompute the registry's figures, tree and fact sheets. The visitLogs figure is cached per
-- 'visitlogs' version (FigureSet.dataSets).
INSERT INTO "data_versions" ("name", "version") VALUES ('visitlogs', 0) ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "bump_visitlogs_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'visitlogs';
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "visit_logs_bump_visitlogs_version" AFTER INSERT OR UPDATE OR DELETE ON "visit_logs" FOR EACH STATEMENT EXECUTE FUNCTION "bump_visitlogs_version"();
--> statement-breakpoint
CREATE TRIGGER "visit_log_comments_bump_visitlogs_version" AFTER INSERT OR UPDATE OR DELETE ON "visit_log_comments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_visitlogs_version"();
