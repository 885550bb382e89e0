/**
 * Today's sales of one store, from the orders the edge pushed (each order id once, at its
 * newest version) and the paid online orders. Voided and cancelled orders are left out;
 * an online order still waiting for payment is not a sale.
 */
import { sql } from 'drizzle-orm';
import type { CloudDb } from '../db/database';
import { queryRows } from '../db/database';
import type { StoreRow } from '../stores/store-access';
import { businessDayOf } from './business-day';

export interface SalesSummary {
  readonly businessDay: string;
  readonly currency: string;
  readonly orders: number;
  readonly gross: number;
  readonly tax: number;
  readonly refunded: number;
  readonly tenders: readonly { tender: string; amount: number; tips: number; count: number }[];
  readonly topItems: readonly { itemId: string; name: string; quantity: number; sales: number }[];
  readonly byHour: readonly { hour: number; orders: number; gross: number }[];
}

export async function salesSummary(db: CloudDb, store: StoreRow, now: Date): Promise<SalesSummary> {
  const day = businessDayOf(now, store.timezone, store.businessDayEndsAt);
  const counted = sql`store_id = ${store.id} AND business_day = ${day} AND status NOT IN ('voided', 'cancelled') AND (owner = 'edge' OR payment_status <> 'unpaid')`;
  const totals = (
    await queryRows<{ orders: number; gross: string; tax: string; refunded: string }>(
      db,
      sql`SELECT count(*)::int AS orders, coalesce(sum(total), 0)::text AS gross, coalesce(sum(tax), 0)::text AS tax, coalesce(sum(refunded), 0)::text AS refunded FROM orders WHERE ${counted}`,
    )
  )[0];
  const tenders = await queryRows<{ tender: string; amount: string; tips: string; count: number }>(
    db,
    sql`SELECT p->>'tender' AS tender, sum((p->>'amount')::bigint)::text AS amount, sum(coalesce((p->>'tip')::bigint, 0))::text AS tips, count(*)::int AS count
        FROM orders, jsonb_array_elements(document->'payments') p WHERE ${counted} GROUP BY 1 ORDER BY 2 DESC`,
  );
  const topItems = await queryRows<{ item_id: string; name: string; quantity: string; sales: string }>(
    db,
    sql`SELECT l->>'itemId' AS item_id, min(l->>'name') AS name, sum((l->>'quantity')::int)::text AS quantity, sum((l->>'lineTotal')::bigint)::text AS sales
        FROM orders, jsonb_array_elements(document->'lines') l
        WHERE ${counted} AND coalesce((l->>'voided')::boolean, false) = false
        GROUP BY 1 ORDER BY sum((l->>'quantity')::int) DESC, 1 LIMIT 10`,
  );
  const byHour = await queryRows<{ hour: number; orders: number; gross: string }>(
    db,
    sql`SELECT extract(hour FROM created_at AT TIME ZONE ${store.timezone})::int AS hour, count(*)::int AS orders, sum(total)::text AS gross
        FROM orders WHERE ${counted} GROUP BY 1 ORDER BY 1`,
  );
  return {
    businessDay: day,
    currency: store.currency,
    orders: totals?.orders ?? 0,
    gross: Number(totals?.gross ?? 0),
    tax: Number(totals?.tax ?? 0),
    refunded: Number(totals?.refunded ?? 0),
    tenders: tenders.map((t) => ({ tender: t.tender, amount: Number(t.amount), tips: Number(t.tips), count: t.count })),
    topItems: topItems.map((i) => ({ itemId: i.item_id, name: i.name, quantity: Number(i.quantity), sales: Number(i.sales) })),
    byHour: byHour.map((h) => ({ hour: h.hour, orders: h.orders, gross: Number(h.gross) })),
  };
}
