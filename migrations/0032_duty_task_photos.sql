CREATE TABLE "duty_task_photos" (
	"task_id" uuid PRIMARY KEY NOT NULL,
	"territory_code" text NOT NULL,
	"building_id" uuid,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"sealed" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_task_photos" ADD CONSTRAINT "duty_task_photos_task_id_duty_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."duty_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_task_photos" ADD CONSTRAINT "duty_task_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;