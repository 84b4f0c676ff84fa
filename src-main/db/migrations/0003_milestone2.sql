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