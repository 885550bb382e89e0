-- Orders and money are history: the database itself refuses to delete them, so no bug or
-- hand-run query can lose a sale. A voided order keeps its rows with status 'voided'.
CREATE TRIGGER `orders_never_deleted` BEFORE DELETE ON `orders` BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `order_lines_never_deleted` BEFORE DELETE ON `order_lines` BEGIN SELECT RAISE(ABORT, 'order lines are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_never_deleted` BEFORE DELETE ON `payments` BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `refunds_never_deleted` BEFORE DELETE ON `refunds` BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END;
