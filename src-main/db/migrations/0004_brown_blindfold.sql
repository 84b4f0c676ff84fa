ALTER TABLE `audit_log` ADD `patient_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_patient` ON `audit_log` (`patient_id`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`);