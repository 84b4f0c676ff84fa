DROP INDEX `patients_merged_into`;--> statement-breakpoint
CREATE INDEX `patients_merged_into` ON `patients` (`merged_into`) WHERE "patients"."merged_into" IS NOT NULL;