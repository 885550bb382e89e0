CREATE TABLE `cloud_ledger_balances` (
	`ledger` text NOT NULL,
	`account` text NOT NULL,
	`balance` integer NOT NULL,
	`entries` integer NOT NULL,
	`store_delta` integer NOT NULL,
	`store_entries` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`ledger`, `account`)
);
