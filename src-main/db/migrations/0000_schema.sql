CREATE TABLE `facility` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`protocol_profile` text DEFAULT 'who-2013' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`pin_hash` text,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`role` text,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`patient_id` text,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_patient` ON `audit_log` (`patient_id`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`version` integer NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`acked_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`seq`) WHERE "outbox"."acked_at" IS NULL;--> statement-breakpoint
CREATE INDEX `outbox_entity` ON `outbox` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `record_history` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`version` integer NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	`by` text
);
--> statement-breakpoint
CREATE INDEX `record_history_entity` ON `record_history` (`entity`,`entity_id`,`seq`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`registration_number` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`other_names` text DEFAULT '' NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_date_estimated` integer DEFAULT false NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`village` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`national_id` text DEFAULT '' NOT NULL,
	`caregiver_name` text DEFAULT '' NOT NULL,
	`caregiver_relationship` text DEFAULT '' NOT NULL,
	`caregiver_phone` text DEFAULT '' NOT NULL,
	`caregiver_no_phone` integer DEFAULT false NOT NULL,
	`allergies` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`registered_on` text NOT NULL,
	`merged_into` text,
	`search_rowid` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`merged_into`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_registration_number_unique` ON `patients` (`registration_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `patients_search_rowid_unique` ON `patients` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `patients_birth_date` ON `patients` (`birth_date`);--> statement-breakpoint
CREATE INDEX `patients_merged_into` ON `patients` (`merged_into`) WHERE "patients"."merged_into" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `patients_created_at` ON `patients` (`created_at`);--> statement-breakpoint
CREATE TABLE `registration_counters` (
	`scope` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`type` text NOT NULL,
	`clinician_id` text,
	`weight_kg` real,
	`length_cm` real,
	`measured` text,
	`muac_mm` real,
	`oedema` text,
	`temperature_c` real,
	`pulse_bpm` integer,
	`respiratory_rate` integer,
	`systolic` integer,
	`diastolic` integer,
	`hb_g_dl` real,
	`glucose_mmol_l` real,
	`complaints` text DEFAULT '' NOT NULL,
	`diagnoses` text DEFAULT '[]' NOT NULL,
	`treatment` text DEFAULT '' NOT NULL,
	`medicines` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`next_appointment` text,
	`age_days` integer,
	`whz` real,
	`waz` real,
	`haz` real,
	`bmiz` real,
	`muacz` real,
	`length_used_cm` real,
	`nutrition_status` text,
	`nutrition_criteria` text DEFAULT '[]' NOT NULL,
	`anthropometry_flags` text DEFAULT '[]' NOT NULL,
	`implausible_confirmed` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinician_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_patient_date` ON `visits` (`patient_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `visits_date` ON `visits` (`visit_date`);--> statement-breakpoint
CREATE INDEX `visits_next_appointment` ON `visits` (`next_appointment`);--> statement-breakpoint
CREATE TABLE `directory_facilities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text
);
--> statement-breakpoint
CREATE INDEX `directory_facilities_name` ON `directory_facilities` (`name`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`to_facility_id` text NOT NULL,
	`referral_date` text NOT NULL,
	`reason` text NOT NULL,
	`urgency` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`feedback_date` text,
	`feedback_outcome` text,
	`feedback_notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_facility_id`) REFERENCES `directory_facilities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_status_date` ON `referrals` (`status`,`referral_date`);--> statement-breakpoint
CREATE INDEX `referrals_patient` ON `referrals` (`patient_id`);