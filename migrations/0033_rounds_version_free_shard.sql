-- A visit bumped the 'rounds' shard of its connection ('rounds#' || pid % 16) and held that row locked until it
-- committed. Two pool connections whose pids fall on the same shard (with 10 connections, two or three pairs on
-- average) then recorded their visits one after the other: on PostgreSQL, sampled while 32 clients recorded visits,
-- a visit's insert waited on another transaction (Lock:transactionid, in the trigger's UPDATE) as often as it ran.
-- A writer now takes the first shard no other transaction holds, starting from its own (FOR UPDATE SKIP LOCKED), so
-- up to 16 writers at once never wait for each other here; a transaction already holding a shard finds it again (its
-- own lock is not skipped); only when all 16 are held does it wait for its own, as before. The version is still the
-- sum of the row and its shards (versioned-cache.ts) and still moves only on commit.
CREATE OR REPLACE FUNCTION "bump_rounds_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	shard text;
BEGIN
	SELECT "name" INTO shard FROM "data_versions"
	WHERE "name" >= 'rounds#' AND "name" < 'rounds$'
	ORDER BY (substring("name" FROM 8)::int - pg_backend_pid() % 16 + 16) % 16
	LIMIT 1 FOR UPDATE SKIP LOCKED;
	UPDATE "data_versions" SET "version" = "version" + 1
	WHERE "name" = coalesce(shard, 'rounds#' || (pg_backend_pid() % 16));
	RETURN NULL;
END;
$$;
