-- Stock movements and ledger entries are history: levels and balances are their sums, so
-- an edit or a delete would silently change what the store holds or owes. Corrections are
-- new entries (a count, a void), never rewrites.
CREATE TRIGGER `stock_moves_never_updated` BEFORE UPDATE ON `stock_moves` BEGIN SELECT RAISE(ABORT, 'stock movements are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_moves_never_deleted` BEFORE DELETE ON `stock_moves` BEGIN SELECT RAISE(ABORT, 'stock movements are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_never_updated` BEFORE UPDATE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_never_deleted` BEFORE DELETE ON `ledger_entries` BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted'); END;
