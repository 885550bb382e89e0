/** The owner API's permission matrix routes, over the dashboard's signed-in client. */
import type { Permission, PermissionMatrix, StaffRole } from '@brigade/sync/model';
import type { OwnerClient } from './owner-api';

export interface StorePermissions {
  /** True once the owner has saved this store's matrix: the POS then shows it read-only. */
  readonly managed: boolean;
  readonly roles: readonly StaffRole[];
  readonly permissions: readonly { id: Permission; label: string }[];
  readonly matrix: PermissionMatrix;
  readonly updatedAt: string | null;
  /** Changes made on the store's POS that the owner's matrix replaced, newest first. */
  readonly overriddenAtStore: readonly { at: string; role: string; permission: string; granted: boolean; staffId: string | null }[];
}

export interface PermissionChange {
  readonly role: StaffRole;
  readonly permission: Permission;
  readonly granted: boolean;
}

const base = (storeId: string) => `/api/stores/${encodeURIComponent(storeId)}/permissions`;

export const permissionsApi = {
  read: (client: OwnerClient, storeId: string) => client.call<StorePermissions>('GET', base(storeId)),
  change: (client: OwnerClient, storeId: string, changes: readonly PermissionChange[]) => client.call<StorePermissions>('PUT', base(storeId), { changes }),
};
