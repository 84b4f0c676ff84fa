CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`epoch` text NOT NULL,
	`epoch_started_at` text NOT NULL,
	`server_url` text,
	`server_facility_id` text,
	`credential_store` text,
	`credential` text,
	`enrolled_at` text,
	`last_push_at` text,
	`last_attempt_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `programme_enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`programme_id` text NOT NULL,
	`enrolled_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`unenrolled_on` text,
	`unenrolled_by` text,
	`unenrol_reason` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_enrolments_patient` ON `programme_enrolments` (`patient_id`);--> statement-breakpoint
CREATE INDEX `programme_enrolments_programme` ON `programme_enrolments` (`programme_id`,`unenrolled_on`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`deactivated_on` text,
	`deactivation_reason` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_code` ON `programmes` (`code`);--> statement-breakpoint
CREATE TABLE `cmam_episodes` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`programme` text NOT NULL,
	`number` text NOT NULL,
	`admission_date` text NOT NULL,
	`admission_type` text NOT NULL,
	`admission_criterion` text,
	`criteria` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`transfer_from` text,
	`transfer_site` text DEFAULT '' NOT NULL,
	`transfer_number` text DEFAULT '' NOT NULL,
	`previous_episode_id` text,
	`admission_visit_id` text,
	`weight_kg` real NOT NULL,
	`length_cm` real,
	`muac_mm` real,
	`whz` real,
	`oedema` text NOT NULL,
	`appetite_test` text,
	`medical_complication` integer NOT NULL,
	`danger_sign` integer NOT NULL,
	`ration_per_week` real,
	`rutf_sachets` integer DEFAULT 0 NOT NULL,
	`medicines_given` text DEFAULT '[]' NOT NULL,
	`next_visit_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`exit_date` text,
	`exit_type` text,
	`exit_notes` text DEFAULT '' NOT NULL,
	`internal_move` integer DEFAULT false NOT NULL,
	`sex` text NOT NULL,
	`age_months_at_admission` integer NOT NULL,
	`protocol` text NOT NULL,
	`merged` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`admission_visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cmam_episodes_patient` ON `cmam_episodes` (`patient_id`,`programme`);--> statement-breakpoint
CREATE INDEX `cmam_episodes_admission` ON `cmam_episodes` (`admission_date`);--> statement-breakpoint
CREATE INDEX `cmam_episodes_exit` ON `cmam_episodes` (`exit_date`);--> statement-breakpoint
CREATE INDEX `cmam_episodes_open` ON `cmam_episodes` (`programme`,`exit_date`);--> statement-breakpoint
CREATE TABLE `cmam_followups` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`weight_kg` real NOT NULL,
	`muac_mm` real,
	`oedema` text NOT NULL,
	`appetite` text NOT NULL,
	`appetite_test` text,
	`new_complication` integer NOT NULL,
	`rutf_sachets` integer DEFAULT 0 NOT NULL,
	`ration_per_week` real,
	`medicines_given` text DEFAULT '[]' NOT NULL,
	`next_visit_date` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`gain_g_per_kg_per_day` real,
	`alerts` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`episode_id`) REFERENCES `cmam_episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cmam_followups_episode` ON `cmam_followups` (`episode_id`,`visit_date`);--> statement-breakpoint
CREATE TABLE `rutf_stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`movement_date` text NOT NULL,
	`quantity` integer NOT NULL,
	`batch` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`episode_id` text,
	`followup_id` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`episode_id`) REFERENCES `cmam_episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`followup_id`) REFERENCES `cmam_followups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rutf_stock_date` ON `rutf_stock_movements` (`movement_date`);--> statement-breakpoint
DROP INDEX `outbox_pending`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `change_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `payload_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `facility_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `epoch` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `rejected_at` text;--> statement-breakpoint
CREATE INDEX `outbox_change_id` ON `outbox` (`change_id`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`seq`) WHERE "outbox"."acked_at" IS NULL AND "outbox"."rejected_at" IS NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `roles` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `visits` ADD `protocol_profile_id` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `protocol_profile_version` integer;