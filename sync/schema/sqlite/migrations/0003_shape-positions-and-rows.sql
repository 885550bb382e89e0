CREATE TABLE `shape_positions` (
	`shape` text PRIMARY KEY NOT NULL,
	`handle` text NOT NULL,
	`offset` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shape_rows` (
	`shape` text NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`shape`, `key`)
);
