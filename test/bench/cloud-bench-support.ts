/**
 * Shared set-up of the cloud benchmarks: a real cloud on PGlite or on a throwaway
 * PostgreSQL 15 cluster, one seeded tenant and one enrolled edge. No test runner involved.
 */
import { DEMO, type LineId, type Order, type OrderId, type Cents, demoMenu, indexMenu, newId, priceOrder } from '@brigade/sync/model';
import type { OutboxMutation } from '@brigade/sync/protocol';
import { type Cloud, type CloudOptions, createCloud, seedTenant } from '@brigade/cloud';
import { createEnrolmentCode } from '../../cloud/src/stores/enrolment';
import { type PostgresCluster, startPostgres } from '../support/postgres';

export type Backend = 'pglite' | 'postgres';

export interface BenchCloud {
  readonly cloud: Cloud;
  readonly storeId: string;
  readonly organisationId: string;
  readonly menuId: string;
  /** The seeded owner's id (enrolment codes are issued by them). */
  readonly ownerId: string;
  /** The seeded owner, for benchmarks that go through the owner API. */
  readonly ownerEmail: string;
  readonly ownerPassword: string;
  readonly nodeId: string;
  readonly credential: string;
  close(): Promise<void>;
}

export async function benchCloud(backend: Backend, options: CloudOptions = {}): Promise<BenchCloud> {
  let cluster: PostgresCluster | null = null;
  if (backend === 'postgres') cluster = await startPostgres();
  const cloud = await createCloud({ ...options, ...(cluster ? { databaseUrl: await cluster.createDatabase() } : {}) });
  const tenant = { organisationId: newId(), storeId: newId(), ownerId: newId(), menuId: newId() };
  const owner = { ownerEmail: `bench-${tenant.ownerId}@example.test`, ownerPassword: 'bench-password' };
  await seedTenant(cloud.ctx.database.db, { ...tenant, ...owner, organisationName: 'Bench', storeName: 'Bench Diner', menu: demoMenu });
  const { code } = await createEnrolmentCode(cloud.ctx, tenant.organisationId, tenant.storeId, tenant.ownerId);
  const nodeId = newId();
  const enrolled = await cloud.app.inject({ method: 'POST', url: '/sync/enrol', payload: { code, nodeId } });
  const credential = enrolled.json<{ credential: string }>().credential;
  return {
    cloud,
    ...tenant,
    ...owner,
    nodeId,
    credential,
    close: async () => {
      await cloud.close();
      await cluster?.stop();
    },
  };
}

const pricedFries = priceOrder(indexMenu(demoMenu), [{ lineId: '0190a000-0000-7000-8000-0000000000f1' as LineId, itemId: DEMO.fries, quantity: 2, modifierOptionIds: [DEMO.regular] }]);

export function orderMutation(seq: number): OutboxMutation {
  const at = new Date().toISOString();
  const order: Order = {
    id: newId<OrderId>(), number: `A-${seq}`, businessDay: at.slice(0, 10), channel: 'counter', diningOption: 'eat_in', status: 'completed', paymentStatus: 'paid',
    lines: pricedFries.lines.map((l) => ({ ...l, stationId: DEMO.fry, voided: false, firedIn: 1 })), totals: pricedFries.totals, paid: pricedFries.totals.total,
    refunded: 0 as Cents, payments: [], customerName: null, tableLabel: null, note: null, createdBy: null, deviceId: null, createdAt: at, updatedAt: at,
  };
  return { seq, mutationId: newId(), name: 'order.snapshot', args: { order, version: 1 }, createdAt: at };
}

export function stockMutation(seq: number): OutboxMutation {
  const at = new Date().toISOString();
  return { seq, mutationId: newId(), name: 'stock.move', args: { id: newId(), itemId: DEMO.fries, delta: -1, reason: 'sale', orderId: null, occurredAt: at }, createdAt: at };
}

export function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}
