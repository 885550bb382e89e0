CREATE TABLE `auto_unavailable` (
	`item_id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`lifted_at` text
);
--> statement-breakpoint
CREATE TABLE `gift_card_lines` (
	`line_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`card_number` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`entry_id` text
);
--> statement-breakpoint
CREATE INDEX `gift_card_lines_order` ON `gift_card_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `gift_card_lines_card` ON `gift_card_lines` (`card_number`);--> statement-breakpoint
CREATE TABLE `ingredients` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`low_threshold` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`ledger` text NOT NULL,
	`account` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`order_id` text,
	`payment_id` text,
	`command_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_account` ON `ledger_entries` (`ledger`,`account`);--> statement-breakpoint
CREATE INDEX `ledger_entries_order` ON `ledger_entries` (`order_id`);--> statement-breakpoint
CREATE TABLE `ledger_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`gift_card_offline_cap` integer NOT NULL,
	`gift_store_offline_cap` integer NOT NULL,
	`loyalty_account_offline_cap` integer NOT NULL,
	`loyalty_store_offline_cap` integer NOT NULL,
	`points_per_unit` integer NOT NULL,
	`point_value` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `loyalty_orders` (
	`order_id` text PRIMARY KEY NOT NULL,
	`account` text NOT NULL,
	`entry_id` text
);
--> statement-breakpoint
CREATE TABLE `recipe_components` (
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`ingredient_id` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`target_kind`, `target_id`, `ingredient_id`),
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recipe_components_ingredient` ON `recipe_components` (`ingredient_id`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`ingredient_id` text NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`order_id` text,
	`counted` integer,
	`note` text,
	`command_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_moves_ingredient` ON `stock_moves` (`ingredient_id`);--> statement-breakpoint
CREATE INDEX `stock_moves_order` ON `stock_moves` (`order_id`);