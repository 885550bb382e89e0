/**
 * The customer's last order on this phone, so the tracking page can show its number (the
 * live status does not carry it) and a returning customer can find the order again.
 */
export const LAST_ORDER_KEY = 'brigade.order.last';

export interface LastOrder {
  readonly storeId: string;
  readonly orderId: string;
  readonly number: string | null;
}

export function rememberOrder(order: LastOrder, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(LAST_ORDER_KEY, JSON.stringify(order));
  } catch {
    // Private browsing may refuse storage; the tracking URL still works.
  }
}

export function lastOrder(storage: Pick<Storage, 'getItem'> = localStorage): LastOrder | null {
  try {
    const parsed = JSON.parse(storage.getItem(LAST_ORDER_KEY) ?? 'null') as Partial<LastOrder> | null;
    if (!parsed || typeof parsed.storeId !== 'string' || typeof parsed.orderId !== 'string') return null;
    return { storeId: parsed.storeId, orderId: parsed.orderId, number: typeof parsed.number === 'string' ? parsed.number : null };
  } catch {
    return null;
  }
}
