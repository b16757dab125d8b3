CREATE TABLE "registry_import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"rows" integer NOT NULL,
	"data_enc" text NOT NULL,
	CONSTRAINT "registry_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "registry_import_errors" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"seq" smallint NOT NULL,
	"column" text,
	"code" text NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	CONSTRAINT "registry_import_errors_import_id_row_number_seq_pk" PRIMARY KEY("import_id","row_number","seq")
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"file_enc" text,
	"created_by" uuid NOT NULL,
	"scope" jsonb NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"new_households" integer DEFAULT 0 NOT NULL,
	"committed_residents" integer,
	"committed_households" integer,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registry_import_chunks" ADD CONSTRAINT "registry_import_chunks_import_id_registry_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."registry_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_import_errors" ADD CONSTRAINT "registry_import_errors_import_id_registry_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."registry_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_imports_created_by_idx" ON "registry_imports" USING btree ("created_by","created_at");