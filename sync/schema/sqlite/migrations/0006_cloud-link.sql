CREATE TABLE `cloud_link` (
	`id` text PRIMARY KEY NOT NULL,
	`cloud_url` text NOT NULL,
	`store_id` text NOT NULL,
	`credential_id` text NOT NULL,
	`credential` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`issued_at` text NOT NULL,
	`revoked_at` text
);
