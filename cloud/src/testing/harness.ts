/**
 * Builds a real cloud (PGlite or a throwaway PostgreSQL database) with a seeded tenant and
 * an enrolled edge, for tests. Nothing here is mocked: requests go through `app.inject`.
 */
import { type Menu, type Order, type OrderId, type LineId, demoMenu, indexMenu, newId, priceOrder, type LineRequest, DEMO } from '@brigade/sync/model';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { afterEach } from 'vitest';
import { type Cloud, type CloudOptions, createCloud, seedTenant } from '../index';
import { createEnrolmentCode } from '../stores/enrolment';
import { type BackendKind, freshPostgresUrl, pgliteTemplate } from '../db/test-backends';
import type { Database } from '../db/database';

export interface TestTenant {
  readonly organisationId: string;
  readonly storeId: string;
  readonly ownerId: string;
  readonly ownerEmail: string;
  readonly ownerPassword: string;
  readonly menuId: string;
}

export async function createTestCloud(kind: BackendKind, options: CloudOptions = {}): Promise<Cloud> {
  if (kind === 'postgres') return createCloud({ ...options, databaseUrl: await freshPostgresUrl() });
  return createCloud({ ...options, pgliteTemplate: await pgliteTemplate() });
}

let tenantCounter = 0;

export async function addTenant(cloud: Cloud, menu: Menu = demoMenu): Promise<TestTenant> {
  const n = ++tenantCounter;
  const tenant = {
    organisationId: newId(),
    storeId: newId(),
    ownerId: newId(),
    ownerEmail: `owner${n}-${Date.now()}@example.test`,
    ownerPassword: `correct horse ${n}`,
    menuId: newId(),
  };
  await seedTenant(cloud.ctx.database.db, { ...tenant, organisationName: `Org ${n}`, storeName: `Store ${n}`, menu });
  await cloud.ctx.changes.kick();
  return tenant;
}

export async function enrolEdge(cloud: Cloud, tenant: TestTenant, nodeId = newId()): Promise<{ nodeId: string; credential: string }> {
  const { code } = await createEnrolmentCode(cloud.ctx, tenant.organisationId, tenant.storeId, tenant.ownerId);
  const response = await cloud.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code, nodeId } });
  if (response.statusCode !== 200) throw new Error(`enrolment failed: ${response.body}`);
  const body = response.json<{ credential: string }>();
  return { nodeId, credential: body.credential };
}

/** A batch pushed through the real `POST /sync/push` route as the enrolled edge, for the tenant's store. */
export function pushAs(cloud: Cloud, tenant: TestTenant, edge: { nodeId: string; credential: string }, mutations: readonly OutboxMutation[], epoch = 1) {
  return cloud.app.inject({
    method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${edge.credential}` },
    payload: { storeId: tenant.storeId, nodeId: edge.nodeId, epoch, mutations },
  });
}

/** A priced, paid counter order on the demo menu. */
export function makeOrder(overrides: Partial<Order> = {}, lines: readonly Omit<LineRequest, 'lineId'>[] = [{ itemId: DEMO.fries, quantity: 2, modifierOptionIds: [DEMO.regular] }]): Order {
  const priced = priceOrder(indexMenu(demoMenu), lines.map((l) => ({ ...l, lineId: newId<LineId>() })));
  const now = new Date().toISOString();
  return {
    id: newId<OrderId>(),
    number: 'A-001',
    businessDay: now.slice(0, 10),
    channel: 'counter',
    diningOption: 'eat_in',
    status: 'completed',
    paymentStatus: 'paid',
    lines: priced.lines.map((l) => ({ ...l, stationId: DEMO.fry, voided: false, firedIn: 1 })),
    totals: priced.totals,
    paid: priced.totals.total,
    refunded: 0 as Order['refunded'],
    payments: [],
    customerName: null,
    tableLabel: null,
    note: null,
    createdBy: null,
    deviceId: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function snapshotMutation(seq: number, order: Order, version = 1): OutboxMutation {
  return { seq, mutationId: newId(), name: 'order.snapshot', args: { order, version }, createdAt: new Date().toISOString() };
}

export function stockMutation(seq: number, itemId: string, delta: number): OutboxMutation {
  return {
    seq,
    mutationId: newId(),
    name: 'stock.move',
    args: { id: newId(), itemId: itemId as typeof DEMO.fries, delta, reason: 'sale', orderId: null, occurredAt: new Date().toISOString() },
    createdAt: new Date().toISOString(),
  };
}

export interface ApiClient {
  readonly token: string;
  call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<{ status: number; body: T }>;
}

/** Signs in as the tenant's owner through the real login route. */
export async function signInAs(cloud: Cloud, email: string, password: string): Promise<ApiClient> {
  const response = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const token = response.json<{ accessToken: string }>().accessToken;
  return {
    token,
    async call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
      const r = await cloud.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
      return { status: r.statusCode, body: (r.body ? r.json<T>() : undefined) as T };
    },
  };
}

export interface TenantCloud {
  readonly cloud: Cloud;
  readonly tenant: TestTenant;
  readonly db: Database['db'];
}

export interface OwnedCloud extends TenantCloud {
  /** The tenant's owner, signed in through the real login route. */
  readonly owner: ApiClient;
}

export interface TenantCloudOptions {
  readonly cloud?: CloudOptions;
  /** The tenant's menu (the demo menu when absent). */
  readonly menu?: Menu;
}

/**
 * Test clouds for one describe block, each seeded with a tenant: call inside `describe`, open
 * one in each test, and every cloud opened is closed after the test (so a failed assertion
 * cannot leak a database).
 */
export function tenantClouds(kind: BackendKind): {
  withTenant(options?: TenantCloudOptions): Promise<TenantCloud>;
  withOwner(options?: TenantCloudOptions): Promise<OwnedCloud>;
} {
  const open: Cloud[] = [];
  afterEach(async () => {
    for (const cloud of open.splice(0)) await cloud.close();
  });
  const withTenant = async (options: TenantCloudOptions = {}): Promise<TenantCloud> => {
    const cloud = await createTestCloud(kind, options.cloud);
    open.push(cloud);
    const tenant = await addTenant(cloud, options.menu);
    return { cloud, tenant, db: cloud.ctx.database.db };
  };
  return {
    withTenant,
    async withOwner(options) {
      const t = await withTenant(options);
      return { ...t, owner: await signInAs(t.cloud, t.tenant.ownerEmail, t.tenant.ownerPassword) };
    },
  };
}
