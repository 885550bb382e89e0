CREATE TABLE `drawer_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text,
	`payment_id` text,
	`refund_id` text,
	`staff_id` text,
	`approved_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `drawer_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drawer_movements_session` ON `drawer_movements` (`session_id`);--> statement-breakpoint
CREATE INDEX `drawer_movements_at` ON `drawer_movements` (`created_at`);--> statement-breakpoint
CREATE TABLE `drawer_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`business_day` text NOT NULL,
	`status` text NOT NULL,
	`opened_by` text,
	`opened_at` text NOT NULL,
	`float` integer NOT NULL,
	`float_denominations` text,
	`closed_by` text,
	`closed_at` text,
	`counted` integer,
	`counted_denominations` text,
	`expected` integer,
	`over_short` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drawer_sessions_one_open` ON `drawer_sessions` (`device_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `drawer_sessions_opened` ON `drawer_sessions` (`opened_at`);--> statement-breakpoint
CREATE TABLE `role_permissions` (
	`role` text NOT NULL,
	`permission` text NOT NULL,
	`granted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`role`, `permission`)
);
--> statement-breakpoint
CREATE TABLE `time_punches` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`business_day` text NOT NULL,
	`device_id` text,
	`original_at` text,
	`corrected_by` text,
	`corrected_at` text,
	`correction_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `time_punches_staff` ON `time_punches` (`staff_id`,`at`);--> statement-breakpoint
CREATE INDEX `time_punches_day` ON `time_punches` (`business_day`);--> statement-breakpoint
CREATE TABLE `z_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	`business_day` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`closed_by` text,
	`report` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_sequence_unique` ON `z_reports` (`sequence`);--> statement-breakpoint
-- Drawer movements and Z reports are money history: a count or a closed day that could be
-- rewritten or deleted would let the cash disagree with the paper. Punches and sessions are
-- corrected in place by their commands (the original time is kept), but never deleted.
CREATE TRIGGER `drawer_movements_never_updated` BEFORE UPDATE ON `drawer_movements` BEGIN SELECT RAISE(ABORT, 'drawer movements are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `drawer_movements_never_deleted` BEFORE DELETE ON `drawer_movements` BEGIN SELECT RAISE(ABORT, 'drawer movements are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `z_reports_never_updated` BEFORE UPDATE ON `z_reports` BEGIN SELECT RAISE(ABORT, 'z reports are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `z_reports_never_deleted` BEFORE DELETE ON `z_reports` BEGIN SELECT RAISE(ABORT, 'z reports are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `drawer_sessions_never_deleted` BEFORE DELETE ON `drawer_sessions` BEGIN SELECT RAISE(ABORT, 'drawer sessions are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `time_punches_never_deleted` BEFORE DELETE ON `time_punches` BEGIN SELECT RAISE(ABORT, 'time punches are never deleted'); END;
