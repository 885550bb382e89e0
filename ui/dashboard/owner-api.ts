/**
 * The dashboard's client of the cloud's owner API. The access token lives 15 minutes; on a
 * 401 the client trades the refresh token for a new pair once and repeats the request, so an
 * owner watching the live figures is not signed out mid-shift.
 */
import type { Daypart, Menu, ModifierGroup, MenuItem } from '@brigade/sync/model';
import { CloudApiError, type RequestOptions, requestJson } from '../cloud-shared/cloud-http';
import type { OnlineOrderSummary } from '@brigade/sync/protocol';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { readonly name: string; readonly email: string; readonly role: 'owner' | 'manager' };
}

export interface StoreHealth {
  readonly lastHeardAt: string | null;
  readonly online: boolean;
  readonly changesWaiting: number | null;
  readonly oldestWaitingSeconds: number | null;
}

export interface OwnerStore {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly currency: string;
  readonly menuId: string | null;
  readonly onlineOrderingPaused: boolean;
  readonly pausedReason: 'offline' | 'owner' | null;
  readonly enrolledAt: string | null;
  readonly health: StoreHealth;
}

export interface SyncHealth extends StoreHealth {
  readonly onlineOrderingPaused: boolean;
  readonly pausedReason: 'offline' | 'owner' | null;
  /** The store's printers as its edge last reported them; null until it has. */
  readonly printers: readonly { readonly id: string; readonly name: string; readonly role: string; readonly status: string }[] | null;
  readonly rejections: readonly { at: string; name: string; code: string; message: string; mutationId: string }[];
}

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

export interface MenuDocument {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly menu: Menu;
}

export type { OnlineOrderSummary };

export interface DiningTable {
  readonly id: string;
  readonly label: string;
  readonly version: number;
  readonly token: string;
  readonly url: string;
}

export type ItemPatch = Partial<Pick<MenuItem, 'name' | 'description' | 'price' | 'active' | 'dietaryTags' | 'allergens'>> & {
  imageUrl?: string | null;
  /** null removes them. */
  channelPrices?: MenuItem['channelPrices'] | null;
  daypartIds?: MenuItem['daypartIds'] | null;
};
export type NewItem = Omit<MenuItem, 'id'>;
export type NewGroup = Omit<ModifierGroup, 'id' | 'options'> & { options: { name: string; priceDelta: number; isDefault?: boolean }[] };

export const SESSION_KEY = 'brigade.dashboard.session';

export function loadSession(storage: Pick<Storage, 'getItem'> = localStorage): Session | null {
  try {
    const parsed = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as Partial<Session> | null;
    return parsed?.accessToken && parsed.refreshToken && parsed.user ? (parsed as Session) : null;
  } catch {
    return null;
  }
}

export class OwnerClient {
  private session: Session | null;

  constructor(
    session: Session | null,
    private readonly onSession: (session: Session | null) => void,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.session = session;
  }

  get user(): Session['user'] | null {
    return this.session?.user ?? null;
  }

  async login(email: string, password: string): Promise<Session> {
    const session = await requestJson<Session>('/api/auth/login', { method: 'POST', body: { email, password } }, this.fetchImpl);
    this.setSession(session);
    return session;
  }

  async logout(): Promise<void> {
    try {
      await this.call('POST', '/api/auth/logout');
    } finally {
      this.setSession(null);
    }
  }

  stores = () => this.call<{ stores: OwnerStore[] }>('GET', '/api/stores').then((b) => b.stores);
  store = (id: string) => this.call<{ store: OwnerStore }>('GET', `/api/stores/${enc(id)}`).then((b) => b.store);
  sales = (id: string) => this.call<SalesSummary>('GET', `/api/stores/${enc(id)}/sales/today`);
  syncHealth = (id: string) => this.call<SyncHealth>('GET', `/api/stores/${enc(id)}/sync-health`);
  setPaused = (id: string, paused: boolean) => this.call<{ paused: boolean }>('PUT', `/api/stores/${enc(id)}/online-ordering`, { paused });
  enrolmentCode = (id: string) => this.call<{ code: string; expiresAt: string }>('POST', `/api/stores/${enc(id)}/enrolment-codes`);
  menu = (id: string) => this.call<MenuDocument>('GET', `/api/menus/${enc(id)}`);
  patchItem = (menuId: string, itemId: string, version: number, patch: ItemPatch) => this.call<{ version: number; menu: Menu }>('PATCH', `/api/menus/${enc(menuId)}/items/${enc(itemId)}`, { version, ...patch });
  createItem = (menuId: string, version: number, item: NewItem) => this.call<{ version: number; menu: Menu }>('POST', `/api/menus/${enc(menuId)}/items`, { version, item });
  replaceDayparts = (menuId: string, version: number, dayparts: readonly Daypart[]) => this.call<{ version: number; menu: Menu }>('PUT', `/api/menus/${enc(menuId)}/dayparts`, { version, dayparts });
  createGroup = (menuId: string, version: number, group: NewGroup) => this.call<{ version: number; menu: Menu }>('POST', `/api/menus/${enc(menuId)}/modifier-groups`, { version, group });
  tables = (id: string) => this.call<{ tables: DiningTable[] }>('GET', `/api/stores/${enc(id)}/tables`).then((b) => b.tables);
  createTable = (id: string, label: string) => this.call<{ table: DiningTable }>('POST', `/api/stores/${enc(id)}/tables`, { label }).then((b) => b.table);
  onlineOrders = (id: string) => this.call<{ orders: OnlineOrderSummary[] }>('GET', `/api/stores/${enc(id)}/online-orders`).then((b) => b.orders);
  refundOnlineOrder = (id: string, orderId: string) => this.call<{ status: string; paymentStatus: string }>('POST', `/api/stores/${enc(id)}/online-orders/${enc(orderId)}/refund`);
  rotateTable = (id: string, tableId: string) => this.call<{ table: DiningTable }>('POST', `/api/stores/${enc(id)}/tables/${enc(tableId)}/rotate`).then((b) => b.table);

  /** The printable QR code as a file (the route needs the bearer token, so a plain link cannot fetch it). */
  async qrCode(storeId: string, tableId: string, format: 'svg' | 'png'): Promise<Blob> {
    const url = `/api/stores/${enc(storeId)}/tables/${enc(tableId)}/qr.${format}`;
    const attempt = () => this.fetchImpl(url, { headers: { authorization: `Bearer ${this.session?.accessToken ?? ''}` } });
    let response = await attempt();
    if (response.status === 401 && (await this.refresh())) response = await attempt();
    if (!response.ok) throw new CloudApiError('HTTP_' + String(response.status), 'The QR code could not be made.', response.status);
    return response.blob();
  }

  async call<T>(method: NonNullable<RequestOptions['method']>, url: string, body?: unknown): Promise<T> {
    const send = () => requestJson<T>(url, { method, token: this.session?.accessToken ?? null, ...(body !== undefined ? { body } : {}) }, this.fetchImpl);
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof CloudApiError) || error.status !== 401 || !(await this.refresh())) throw error;
      return send();
    }
  }

  private async refresh(): Promise<boolean> {
    const refreshToken = this.session?.refreshToken;
    if (!refreshToken) return false;
    try {
      this.setSession(await requestJson<Session>('/api/auth/refresh', { method: 'POST', body: { refreshToken } }, this.fetchImpl));
      return true;
    } catch {
      this.setSession(null);
      return false;
    }
  }

  private setSession(session: Session | null): void {
    this.session = session;
    this.onSession(session);
  }
}

const enc = encodeURIComponent;
