CREATE TABLE "duty_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid,
	"territory_code" text NOT NULL,
	"role_group" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"mode" text DEFAULT 'normal' NOT NULL,
	"frequency" text NOT NULL,
	"evidence" text DEFAULT 'none' NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_task_assignees" (
	"task_id" uuid NOT NULL,
	"holder_key" uuid NOT NULL,
	"person_id" uuid,
	"user_id" uuid,
	"role_group" text,
	"due_on" date NOT NULL,
	CONSTRAINT "duty_task_assignees_task_id_holder_key_pk" PRIMARY KEY("task_id","holder_key")
);
--> statement-breakpoint
CREATE TABLE "duty_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid,
	"holder_key" uuid NOT NULL,
	"period_start" date NOT NULL,
	"due_on" date NOT NULL,
	"title" text,
	"description" text,
	"role_group" text,
	"mode" text DEFAULT 'normal' NOT NULL,
	"frequency" text,
	"evidence" text DEFAULT 'none' NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"territory_code" text NOT NULL,
	"building_id" uuid,
	"source" text DEFAULT 'generated' NOT NULL,
	"source_key" text,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_person_id" uuid,
	"note_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_items" ADD CONSTRAINT "duty_items_community_id_territories_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_items" ADD CONSTRAINT "duty_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_items_territory_code_idx" ON "duty_items" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "duty_items_group_idx" ON "duty_items" USING btree ("role_group");--> statement-breakpoint
CREATE INDEX "duty_task_assignees_holder_idx" ON "duty_task_assignees" USING btree ("holder_key","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_tasks_item_period_holder_key" ON "duty_tasks" USING btree ("item_id","period_start","holder_key");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_tasks_source_key" ON "duty_tasks" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "duty_tasks_territory_code_idx" ON "duty_tasks" USING btree ("territory_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "duty_tasks_due_idx" ON "duty_tasks" USING btree ("due_on");