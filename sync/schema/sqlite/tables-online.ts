/**
 * Online orders the store has taken over from the cloud. The store order has the online
 * order's id, so the orders table already makes acceptance happen once; this row keeps what
 * the POS must be told about the intake (an item the store has 86'd or does not know, a
 * price that moved since the customer paid) and what the customer paid online.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orders } from './tables-orders';

export const onlineIntake = sqliteTable('online_intake', {
  orderId: text('order_id').primaryKey().references(() => orders.id),
  acceptedAt: text('accepted_at').notNull(),
  /** OnlineIntakeFlag[] as JSON; empty when the order needed nobody's attention. */
  flags: text('flags').notNull(),
  /** The total the cloud priced and the customer was charged (0 when paid at pickup). */
  cloudTotal: integer('cloud_total').notNull(),
  paidOnline: integer('paid_online').notNull(),
});
