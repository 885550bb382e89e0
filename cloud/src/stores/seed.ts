/**
 * The demo tenant: organisation, owner `owner@demo.brigade` / `brigade-demo`, and the store
 * "Brigade Demo Diner" with the model's demo menu, so the demo cloud, the demo edge and the
 * tests agree. Idempotent: seeding twice changes nothing.
 */
import { eq } from 'drizzle-orm';
import { type Menu, demoMenu } from '@brigade/sync/model';
import { menus, organisations, stores, users } from '@brigade/sync/schema/pg';
import { hashPassword } from '../auth/passwords';
import type { CloudDb } from '../db/database';
import { materialiseMenu } from '../menu/menu-materialise';

export const DEMO_CLOUD = {
  organisationId: '0190a000-0000-7000-8000-00000000a001',
  ownerId: '0190a000-0000-7000-8000-00000000a002',
  storeId: '0190a000-0000-7000-8000-00000000a003',
  menuId: '0190a000-0000-7000-8000-00000000a004',
  ownerEmail: 'owner@demo.brigade',
  ownerPassword: 'brigade-demo',
  storeName: 'Brigade Demo Diner',
} as const;

export interface TenantSeed {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly ownerId: string;
  readonly ownerEmail: string;
  readonly ownerPassword: string;
  readonly storeId: string;
  readonly storeName: string;
  readonly menuId: string;
  readonly menu: Menu;
  readonly timezone?: string;
}

/** Creates an organisation with one owner, one store and one menu assigned to it. */
export async function seedTenant(db: CloudDb, seed: TenantSeed): Promise<boolean> {
  const existing = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, seed.organisationId)).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(seed.ownerPassword);
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: seed.organisationId, name: seed.organisationName });
    await tx.insert(users).values({ id: seed.ownerId, organisationId: seed.organisationId, email: seed.ownerEmail, name: 'Owner', role: 'owner', passwordHash });
    await tx.insert(menus).values({ id: seed.menuId, organisationId: seed.organisationId, name: 'Main menu', document: seed.menu });
    await tx.insert(stores).values({
      id: seed.storeId,
      organisationId: seed.organisationId,
      name: seed.storeName,
      timezone: seed.timezone ?? 'America/New_York',
      currency: seed.menu.currency,
      menuId: seed.menuId,
    });
    await materialiseMenu(tx, seed.menuId, seed.organisationId, seed.menu, [seed.storeId]);
  });
  return true;
}

export function seedDemo(db: CloudDb): Promise<boolean> {
  return seedTenant(db, {
    organisationId: DEMO_CLOUD.organisationId,
    organisationName: 'Brigade Demo',
    ownerId: DEMO_CLOUD.ownerId,
    ownerEmail: DEMO_CLOUD.ownerEmail,
    ownerPassword: DEMO_CLOUD.ownerPassword,
    storeId: DEMO_CLOUD.storeId,
    storeName: DEMO_CLOUD.storeName,
    menuId: DEMO_CLOUD.menuId,
    menu: demoMenu,
  });
}
