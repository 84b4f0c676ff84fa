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
CREATE UNIQUE INDEX `report_freezes_month_unique` ON `report_freezes` (`month`);