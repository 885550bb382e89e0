CREATE TABLE `online_intake` (
	`order_id` text PRIMARY KEY NOT NULL,
	`accepted_at` text NOT NULL,
	`flags` text NOT NULL,
	`cloud_total` integer NOT NULL,
	`paid_online` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
