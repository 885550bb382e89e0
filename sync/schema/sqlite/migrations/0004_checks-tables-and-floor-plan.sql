CREATE TABLE `check_lines` (
	`line_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seat` integer,
	`course` integer NOT NULL,
	`discount` text,
	`comp` text,
	`pricing` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_lines_order` ON `check_lines` (`order_id`);--> statement-breakpoint
CREATE TABLE `check_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`service_charge` text,
	`cash_increment` integer NOT NULL,
	`tip_suggestions` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `checks` (
	`order_id` text PRIMARY KEY NOT NULL,
	`table_id` text,
	`tab_name` text,
	`guests` integer,
	`order_discounts` text NOT NULL,
	`promo_code` text,
	`parent_order_id` text,
	`split_part` text,
	`split_into` text,
	`released_courses` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checks_table` ON `checks` (`table_id`);--> statement-breakpoint
CREATE INDEX `checks_parent` ON `checks` (`parent_order_id`);--> statement-breakpoint
CREATE TABLE `floor_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `floor_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`section_id` text NOT NULL,
	`label` text NOT NULL,
	`seats` integer NOT NULL,
	`x` integer NOT NULL,
	`y` integer NOT NULL,
	`shape` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `floor_sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `floor_tables_section` ON `floor_tables` (`section_id`);--> statement-breakpoint
CREATE TABLE `payment_roundings` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`rounding` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `promo_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`definition` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `promo_uses` (
	`code` text NOT NULL,
	`order_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`code`, `order_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_uses_order` ON `promo_uses` (`order_id`);