CREATE TABLE "demo_deferred" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"state" text NOT NULL,
	"txid" bigint,
	"batches_done" integer DEFAULT 0 NOT NULL,
	"rows_imported" bigint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "demo_deferred_one_row" CHECK ("demo_deferred"."id" = 1),
	CONSTRAINT "demo_deferred_state" CHECK ("demo_deferred"."state" in ('pending', 'seeded', 'done'))
);
