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
CREATE TABLE `anc_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`pregnancy_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`contact_date` text NOT NULL,
	`contact_number` integer NOT NULL,
	`ga_days` integer NOT NULL,
	`weight_kg` real,
	`bp1_systolic` integer,
	`bp1_diastolic` integer,
	`bp2_systolic` integer,
	`bp2_diastolic` integer,
	`hb_gdl` real,
	`urine_protein` text,
	`urine_glucose` text,
	`fasting_glucose` real,
	`glucose_unit` text,
	`fundal_height_cm` real,
	`fetal_heart_rate` integer,
	`presentation` text,
	`danger_signs` text NOT NULL,
	`severe_symptoms` text NOT NULL,
	`iptp_dose` integer,
	`td_dose` integer,
	`iron_folic` integer NOT NULL,
	`hiv_result` text,
	`syphilis_result` text,
	`counselling` text NOT NULL,
	`notes` text NOT NULL,
	`next_contact_date` text,
	`flags` text NOT NULL,
	`hypertension` integer NOT NULL,
	`bp_level` text NOT NULL,
	`pre_eclampsia` text NOT NULL,
	`anaemia` text,
	`glycaemia` text,
	`referral_id` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`pregnancy_id`) REFERENCES `pregnancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `anc_contacts_pregnancy` ON `anc_contacts` (`pregnancy_id`,`contact_date`);--> statement-breakpoint
CREATE INDEX `anc_contacts_patient` ON `anc_contacts` (`patient_id`);--> statement-breakpoint
CREATE TABLE `postnatal_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`pregnancy_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`subject` text NOT NULL,
	`contact_date` text NOT NULL,
	`contact_number` integer,
	`systolic` integer,
	`diastolic` integer,
	`bleeding` text,
	`breastfeeding` text,
	`danger_signs` text NOT NULL,
	`family_planning` integer NOT NULL,
	`weight_kg` real,
	`notes` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`pregnancy_id`) REFERENCES `pregnancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `postnatal_contacts_pregnancy` ON `postnatal_contacts` (`pregnancy_id`);--> statement-breakpoint
CREATE INDEX `postnatal_contacts_patient` ON `postnatal_contacts` (`patient_id`);--> statement-breakpoint
CREATE TABLE `pregnancies` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`status` text NOT NULL,
	`registered_on` text NOT NULL,
	`mother_age_years` integer NOT NULL,
	`lmp` text,
	`dating_method` text NOT NULL,
	`ultrasound_date` text,
	`ultrasound_ga_days` integer,
	`edd` text NOT NULL,
	`dating_lmp` text NOT NULL,
	`gravida` integer NOT NULL,
	`para` integer NOT NULL,
	`abortions` integer NOT NULL,
	`living_children` integer NOT NULL,
	`previous_caesarean` integer NOT NULL,
	`multiple_pregnancy` integer NOT NULL,
	`hiv_status` text NOT NULL,
	`history` text NOT NULL,
	`risk_factors` text NOT NULL,
	`first_contact_date` text,
	`first_contact_ga_days` integer,
	`next_contact_date` text,
	`next_contact_number` integer,
	`missed_from` text,
	`birth_plan` text NOT NULL,
	`outcome_date` text,
	`outcome_type` text,
	`outcome_reason` text NOT NULL,
	`delivery` text,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pregnancies_patient` ON `pregnancies` (`patient_id`);--> statement-breakpoint
CREATE INDEX `pregnancies_next_contact` ON `pregnancies` (`status`,`voided`,`next_contact_date`);--> statement-breakpoint
CREATE INDEX `pregnancies_missed` ON `pregnancies` (`status`,`voided`,`missed_from`);--> statement-breakpoint
CREATE INDEX `pregnancies_outcome` ON `pregnancies` (`status`,`voided`,`outcome_date`);--> statement-breakpoint
CREATE TABLE `pregnancy_births` (
	`id` text PRIMARY KEY NOT NULL,
	`pregnancy_id` text NOT NULL,
	`mother_id` text NOT NULL,
	`baby_patient_id` text,
	`birth_order` integer NOT NULL,
	`outcome` text NOT NULL,
	`sex` text,
	`weight_kg` real,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`pregnancy_id`) REFERENCES `pregnancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mother_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`baby_patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pregnancy_births_pregnancy` ON `pregnancy_births` (`pregnancy_id`);--> statement-breakpoint
CREATE INDEX `pregnancy_births_baby` ON `pregnancy_births` (`baby_patient_id`);--> statement-breakpoint
CREATE TABLE `document_contents` (
	`document_id` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_thumbnails` (
	`document_id` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`visit_id` text,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`document_date` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`width_px` integer,
	`height_px` integer,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`void_reason` text,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_patient` ON `documents` (`patient_id`,`document_date`);--> statement-breakpoint
CREATE TABLE `report_freezes` (
	`id` text PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`cells` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`frozen_by` text NOT NULL,
	`frozen_at` text NOT NULL,
	`audit_head_hash` text NOT NULL,
	`audit_rows` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`frozen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_freezes_month_unique` ON `report_freezes` (`month`);--> statement-breakpoint
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