/** The owner API's staff and cash routes, over the dashboard's signed-in client. */
import type { DrawerSessionsResponse, TimesheetsResponse, ZReportsResponse } from '@brigade/sync/protocol';
import type { OwnerClient } from './owner-api';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

function query(range: DayRange | null): string {
  return range ? `?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}` : '';
}

const base = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}`;

export const staffCashApi = {
  drawerSessions: (client: OwnerClient, storeId: string, range: DayRange | null) =>
    client.call<DrawerSessionsResponse>('GET', `${base(storeId)}/drawer-sessions${query(range)}`),
  timesheets: (client: OwnerClient, storeId: string, range: DayRange | null) =>
    client.call<TimesheetsResponse>('GET', `${base(storeId)}/timesheets${query(range)}`),
  zReports: (client: OwnerClient, storeId: string, range: DayRange | null) =>
    client.call<ZReportsResponse>('GET', `${base(storeId)}/z-reports${query(range)}`),
};
