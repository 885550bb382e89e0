/**
 * The PWA's URLs, all under `/order/` (the service worker's scope):
 * `/order/<storeId>` the store's page (`?table=<token>` for QR table mode) and
 * `/order/<storeId>/track/<orderId>` the live tracking page. The cloud's printed QR codes
 * say `/order/#store=<storeId>&table=<token>`, which opens the same store page.
 */
export type Route =
  | { readonly name: 'store'; readonly storeId: string; readonly tableToken: string | null }
  | { readonly name: 'track'; readonly storeId: string; readonly orderId: string }
  | { readonly name: 'home' };

export const BASE = '/order/';

export function parseRoute(pathname: string, search: string, hash = ''): Route {
  const fromHash = new URLSearchParams(hash.replace(/^#/, ''));
  const hashStore = fromHash.get('store');
  if (hashStore) return { name: 'store', storeId: hashStore, tableToken: fromHash.get('table') || null };
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  const parts = rest.split('/').filter((p) => p.length > 0).map((p) => decodeURIComponent(p));
  const [storeId, section, orderId] = parts;
  if (!storeId || storeId === 'index.html') return { name: 'home' };
  if (section === 'track' && orderId) return { name: 'track', storeId, orderId };
  const table = new URLSearchParams(search).get('table');
  return { name: 'store', storeId, tableToken: table && table.length > 0 ? table : null };
}

export function storeUrl(storeId: string, tableToken: string | null = null): string {
  return `${BASE}${encodeURIComponent(storeId)}${tableToken ? `?table=${encodeURIComponent(tableToken)}` : ''}`;
}

export function trackUrl(storeId: string, orderId: string): string {
  return `${BASE}${encodeURIComponent(storeId)}/track/${encodeURIComponent(orderId)}`;
}
