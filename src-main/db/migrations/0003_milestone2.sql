ALTER TABLE `users` ADD `roles` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `visits` ADD `protocol_profile_id` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `protocol_profile_version` integer;