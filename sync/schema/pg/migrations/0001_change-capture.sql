-- Change capture for the shapes edges follow (sync.md §8.2). Each row change of a synced
-- table appends the whole row, every value as text in Postgres display format (the form the
-- Shape API sends), to change_capture with the writing transaction's id. The publisher later
-- moves only committed changes, in commit order, to shape_log.
CREATE FUNCTION brigade_capture_change() RETURNS trigger
LANGUAGE plpgsql
SET "TimeZone" = 'UTC'
SET "DateStyle" = 'ISO, MDY'
SET "IntervalStyle" = 'postgres'
SET "bytea_output" = 'hex'
AS $$
DECLARE
  doc jsonb := '{}'::jsonb;
  col record;
  val text;
BEGIN
  FOR col IN
    SELECT attname FROM pg_attribute WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped ORDER BY attnum
  LOOP
    IF TG_OP = 'DELETE' THEN
      EXECUTE format('SELECT ($1).%I::text', col.attname) INTO val USING OLD;
    ELSE
      EXECUTE format('SELECT ($1).%I::text', col.attname) INTO val USING NEW;
    END IF;
    doc := doc || jsonb_build_object(col.attname, val);
  END LOOP;
  INSERT INTO change_capture (table_name, store_id, op, "row")
  VALUES (TG_TABLE_NAME, doc->>'store_id', lower(TG_OP), doc);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER menu_items_capture AFTER INSERT OR DELETE ON menu_items FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER menu_items_capture_update AFTER UPDATE ON menu_items FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER modifier_groups_capture AFTER INSERT OR DELETE ON modifier_groups FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER modifier_groups_capture_update AFTER UPDATE ON modifier_groups FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER tax_rates_capture AFTER INSERT OR DELETE ON tax_rates FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER tax_rates_capture_update AFTER UPDATE ON tax_rates FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER categories_capture AFTER INSERT OR DELETE ON categories FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER categories_capture_update AFTER UPDATE ON categories FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER online_orders_capture AFTER INSERT OR DELETE ON online_orders FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER online_orders_capture_update AFTER UPDATE ON online_orders FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER stores_capture AFTER INSERT OR DELETE ON stores FOR EACH ROW EXECUTE FUNCTION brigade_capture_change();
--> statement-breakpoint
CREATE TRIGGER stores_capture_update AFTER UPDATE ON stores FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION brigade_capture_change();
