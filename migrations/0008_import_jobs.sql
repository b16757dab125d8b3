-- The import's validation and commit now run on the jobs queue (registry.import.validate / .commit). An import that
-- an older version left validating or committing (its process was cut off) has no job to resume it: a validation is
-- queued again (it starts over from the stored upload); a commit, whose caller's scope is not stored, goes back to
-- validated with a reason, to be committed again.
INSERT INTO "jobs" ("id", "kind", "payload", "max_attempts", "idempotency_key")
SELECT gen_random_uuid(), 'registry.import.validate', jsonb_build_object('importId', "id"), 5,
       'import:' || "id" || ':validate'
FROM "registry_imports"
WHERE "status" = 'validating'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "registry_imports"
SET "status" = 'validated',
    "failure" = '{"zh":"导入失败，未写入任何数据，请重试","en":"The import failed and wrote nothing; try again"}'::jsonb,
    "updated_at" = now()
WHERE "status" = 'committing';
