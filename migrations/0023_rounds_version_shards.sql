-- The 'rounds' data set's version in 16 shards ('rounds#0' … 'rounds#15'): every visit bumped the one 'rounds' row,
-- so on PostgreSQL all visits of the county waited for each other's commit on that row (a visit p95 of seconds at 32
-- connections). A write now bumps the shard of its connection (backend pid mod 16); the version is the sum of the
-- row and its shards (versioned-cache.ts, dataVersion), which still only grows and still moves only on commit.
INSERT INTO "data_versions" ("name", "version")
SELECT 'rounds#' || n, 0 FROM generate_series(0, 15) AS n
ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_rounds_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'rounds#' || (pg_backend_pid() % 16);
	RETURN NULL;
END;
$$;
