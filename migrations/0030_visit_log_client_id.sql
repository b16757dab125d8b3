ALTER TABLE "visit_logs" ADD COLUMN "client_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "visit_logs_client_id_idx" ON "visit_logs" USING btree ("client_id");