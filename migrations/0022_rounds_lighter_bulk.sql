ALTER TABLE "round_households" DROP CONSTRAINT "round_households_round_id_rounds_id_fk";
--> statement-breakpoint
DROP INDEX "round_visits_visitor_idx";