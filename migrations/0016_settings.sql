CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
-- A change of a setting bumps its own data version: readers keep settings cached until it moves.
INSERT INTO "data_versions" ("name", "version") VALUES ('settings', 0);
--> statement-breakpoint
CREATE FUNCTION "bump_settings_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'settings';
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "settings_bump_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_settings_version"();
