CREATE TABLE `printer_settings` (
	`printer_id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`stations` text NOT NULL,
	`backup_of` text,
	`language` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
