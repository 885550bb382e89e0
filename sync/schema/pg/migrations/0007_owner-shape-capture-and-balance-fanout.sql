-- The owner's permission matrix and the reconciled ledger balances are shapes: capture their
-- changes exactly as the menu tables' (migration 0001).
CREATE TRIGGER role_permissions_capture AFTER INSERT OR DELETE ON role_permissions FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER role_permissions_capture_update AFTER UPDATE ON role_permissions FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_capture AFTER INSERT OR DELETE ON ledger_balances FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_capture_update AFTER UPDATE ON ledger_balances FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
-- Every applied ledger entry refreshes the account's row in each store of the organisation:
-- shapes are per store, and a card sold in one store must be known in all of them. The
-- entry's own store also counts it in store_delta / store_entries, which is how that store
-- tells the entries the balance already includes from those it must still add.
-- balance_after was computed under the ledger_accounts row lock, so rows follow commit order.
CREATE FUNCTION brigade_ledger_balance_fanout() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO ledger_balances (store_id, ledger, account, organisation_id, balance, entries, store_delta, store_entries, updated_at)
  SELECT s.id, NEW.ledger, NEW.account, NEW.organisation_id, NEW.balance_after, 1,
         CASE WHEN s.id = NEW.store_id THEN NEW.delta ELSE 0 END,
         CASE WHEN s.id = NEW.store_id THEN 1 ELSE 0 END,
         now()
  FROM stores s WHERE s.organisation_id = NEW.organisation_id
  ON CONFLICT (store_id, ledger, account) DO UPDATE SET
    balance = EXCLUDED.balance,
    entries = ledger_balances.entries + 1,
    store_delta = ledger_balances.store_delta + EXCLUDED.store_delta,
    store_entries = ledger_balances.store_entries + EXCLUDED.store_entries,
    updated_at = EXCLUDED.updated_at;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_balance_fanout AFTER INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION brigade_ledger_balance_fanout();
--> statement-breakpoint
-- A store opened later starts with every balance of its organisation (none of it its own).
CREATE FUNCTION brigade_ledger_balances_for_new_store() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO ledger_balances (store_id, ledger, account, organisation_id, balance, entries, store_delta, store_entries, updated_at)
  SELECT NEW.id, a.ledger, a.account, a.organisation_id, a.balance,
         (SELECT count(*)::int FROM ledger_entries e WHERE e.organisation_id = a.organisation_id AND e.ledger = a.ledger AND e.account = a.account),
         0, 0, now()
  FROM ledger_accounts a WHERE a.organisation_id = NEW.organisation_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stores_ledger_balances AFTER INSERT ON stores FOR EACH ROW EXECUTE FUNCTION brigade_ledger_balances_for_new_store();
--> statement-breakpoint
-- Accounts that existed before this migration.
INSERT INTO ledger_balances (store_id, ledger, account, organisation_id, balance, entries, store_delta, store_entries, updated_at)
SELECT s.id, a.ledger, a.account, a.organisation_id, a.balance,
       (SELECT count(*)::int FROM ledger_entries e WHERE e.organisation_id = a.organisation_id AND e.ledger = a.ledger AND e.account = a.account),
       (SELECT coalesce(sum(e.delta), 0) FROM ledger_entries e WHERE e.organisation_id = a.organisation_id AND e.ledger = a.ledger AND e.account = a.account AND e.store_id = s.id),
       (SELECT count(*)::int FROM ledger_entries e WHERE e.organisation_id = a.organisation_id AND e.ledger = a.ledger AND e.account = a.account AND e.store_id = s.id),
       now()
FROM stores s JOIN ledger_accounts a ON a.organisation_id = s.organisation_id;
