/**
 * The PWA's view of the cloud's public online-ordering API: the paths in one place, and
 * readers that turn the cloud's JSON into the shapes the screens use. The cloud prices every
 * order again from its own menu; `expectedTotal` lets it refuse (PRICE_MISMATCH) when the
 * menu changed under the customer instead of charging a different amount.
 */
import type { DiningOption, ItemId, LineRequest, Menu } from '@brigade/sync/model';
import { requestJson } from '../cloud-shared/cloud-http';

const enc = encodeURIComponent;

export const onlinePaths = {
  /** GET: the store's page (name, paused, menu, 86 list). Cached by the service worker. */
  store: (storeId: string) => `/api/public/stores/${enc(storeId)}`,
  /** GET: checks a QR table token; TABLE_TOKEN_INVALID / TABLE_TOKEN_ROTATED otherwise. */
  table: (storeId: string, token: string) => `/api/public/stores/${enc(storeId)}/tables/${enc(token)}`,
  /** POST: places an order and starts its payment. */
  orders: (storeId: string) => `/api/public/stores/${enc(storeId)}/orders`,
  /** GET: one order's status, for the tracking page. */
  order: (orderId: string) => `/api/public/orders/${enc(orderId)}`,
  /** Server-sent events of that order's status. */
  events: (orderId: string) => `/api/public/orders/${enc(orderId)}/events`,
} as const;

export interface PublicStore {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly paused: boolean;
  /** The store's time zone: dayparts (breakfast until 11:00) are read on its clock. */
  readonly timezone?: string;
}

export interface StorePage {
  readonly store: PublicStore;
  readonly menu: Menu;
  readonly unavailable: ReadonlySet<ItemId>;
  /** `card`: paid online before the store sees the order; `at_pickup`: paid at the counter. */
  readonly payment: 'card' | 'at_pickup';
}

export type OnlineStatus = 'pending_payment' | 'submitted' | 'accepted' | 'preparing' | 'ready' | 'completed' | 'cancelled' | 'voided';

export interface OrderView {
  readonly id: string;
  readonly number: string | null;
  readonly status: OnlineStatus;
  readonly total: number;
  readonly currency: string;
  readonly customerName: string | null;
  readonly tableLabel: string | null;
}

/** The cloud's order body (`OrderBody` in the cloud's public routes). */
export interface PlaceOrderBody {
  readonly orderId: string;
  readonly lines: LineRequest[];
  readonly customerName: string;
  readonly diningOption: DiningOption;
  readonly tableToken?: string;
  /** The cloud has no phone field yet; the phone travels in the note the store sees. */
  readonly note?: string;
  readonly expectedTotal: number;
}

export interface PlacedOrder {
  readonly order: OrderView;
  /** `card`: a PaymentIntent was made and the order waits for its payment. */
  readonly paymentRequired: boolean;
  /** A Stripe PaymentIntent's client secret, when the store takes card payment online. */
  readonly clientSecret: string | null;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Accepts `{ store: { open }, menu: { items: [{ available }] } }` (the public route), and the
 * owner API's names (`onlineOrderingPaused`, an `unavailable` id list) as well.
 */
export function readStorePage(body: unknown): StorePage {
  const root = obj(body);
  const store = obj(root.store);
  const menu = root.menu as Menu | undefined;
  if (!menu || !Array.isArray(menu.items)) throw new Error('The store page has no menu.');
  const paused = store.open === false || store.paused === true || store.onlineOrderingPaused === true;
  const soldOut = (menu.items as readonly (Menu['items'][number] & { available?: boolean })[]).filter((i) => i.available === false).map((i) => i.id);
  const unavailable = [...soldOut, ...(Array.isArray(root.unavailable) ? (root.unavailable as ItemId[]) : [])];
  return {
    store: {
      id: str(store.id) ?? '',
      name: str(store.name) ?? 'Store',
      currency: str(store.currency) ?? menu.currency,
      paused,
      ...(typeof store.timezone === 'string' && store.timezone !== '' ? { timezone: store.timezone } : {}),
    },
    menu,
    unavailable: new Set(unavailable),
    payment: root.payment === 'at_pickup' ? 'at_pickup' : 'card',
  };
}

/** Accepts `{ order: {...}, status }` (placing), or the status object itself (reads, events). */
export function readOrderView(body: unknown): OrderView {
  const root = obj(body);
  const order = root.order ? obj(root.order) : root;
  const totals = obj(order.totals);
  // When placing, the order document holds the store's view and the top level the online status.
  const status = str(root.status) ?? str(order.status) ?? 'submitted';
  return {
    id: str(order.id) ?? '',
    number: str(order.number),
    status: status as OnlineStatus,
    total: typeof order.total === 'number' ? order.total : typeof totals.total === 'number' ? totals.total : 0,
    currency: str(order.currency) ?? str(totals.currency) ?? 'USD',
    customerName: str(order.customerName) ?? str(obj(order.customer).name),
    tableLabel: str(order.tableLabel) ?? str(obj(order.table).label),
  };
}

export function readPlacedOrder(body: unknown): PlacedOrder {
  const root = obj(body);
  const payment = obj(root.payment);
  const order = readOrderView(root);
  return { order, paymentRequired: order.status === 'pending_payment', clientSecret: str(payment.clientSecret) };
}

export async function fetchStorePage(storeId: string): Promise<StorePage> {
  return readStorePage(await requestJson<unknown>(onlinePaths.store(storeId)));
}

export async function checkTable(storeId: string, token: string): Promise<{ label: string }> {
  const body = obj(await requestJson<unknown>(onlinePaths.table(storeId, token)));
  return { label: str(body.table) ?? str(obj(body.table).label) ?? '' };
}

export async function placeOrder(storeId: string, body: PlaceOrderBody): Promise<PlacedOrder> {
  return readPlacedOrder(await requestJson<unknown>(onlinePaths.orders(storeId), { method: 'POST', body }));
}

export async function fetchOrder(orderId: string): Promise<OrderView> {
  return readOrderView(await requestJson<unknown>(onlinePaths.order(orderId)));
}
