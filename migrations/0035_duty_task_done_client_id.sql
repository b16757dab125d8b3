ALTER TABLE "duty_tasks" ADD COLUMN "done_client_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "duty_tasks_done_client_id_key" ON "duty_tasks" USING btree ("done_client_id");