/**
 * One real cloud for many trials: PGlite in memory or a database on a throwaway PostgreSQL
 * cluster, listening on 127.0.0.1, with the fake Stripe server behind the real `stripe` SDK.
 * Each trial gets fresh stores (with their own menu) in the simulator's organisation, made
 * as the owner API makes them and enrolled with a one-time code like a real edge. No vitest here:
 * the soak command runs the same code.
 */
import { type FakeStripe, startFakeStripe } from '@brigade/drivers/virtual';
import { type Cloud, createCloud, seedTenant } from '@brigade/cloud';
import { sql } from 'drizzle-orm';
import { demoMenu, newId } from '@brigade/sync/model';
import { menus, stores } from '@brigade/sync/schema/pg';
import { materialiseMenu } from '../../../cloud/src/menu/menu-materialise';
import { enrolWithCode } from '../../../cloud/src/stores/enrolment';
import { type PostgresCluster, startPostgres } from '../postgres';

export type SimBackend = 'pglite' | 'postgres';

export const SIM_WEBHOOK_SECRET = 'whsec_simulator';
/**
 * The column a shape schema bump adds: the cloud is migrated with it at start (expand-only,
 * like a real release) and serves it only to followers on version 2; trials start on 1.
 */
export const SIM_V2_COLUMN = 'sim_photo_url';
const OWNER_PASSWORD = 'simulator owner password';
/** Access tokens live 15 minutes (cloud/src/auth/sessions.ts); a soak signs in again before that. */
const TOKEN_REFRESH_MS = 10 * 60 * 1000;

export interface SimStore {
  readonly storeId: string;
  readonly menuId: string;
}

export interface SimCloud {
  readonly backend: SimBackend;
  readonly cloud: Cloud;
  readonly url: string;
  readonly stripe: FakeStripe;
  readonly organisationId: string;
  /** An owner API call through the real routes (`app.inject`). */
  ownerCall<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Record<string, unknown>): Promise<{ status: number; body: T }>;
  /** The newest shape schema version the cloud serves (the cloud "upgraded" to it). */
  setShapeSchemaVersion(version: 1 | 2): void;
  /** `count` new stores sharing one new menu (a copy of the demo menu). */
  createStores(count: number): Promise<SimStore[]>;
  /** A one-time code from the owner API, traded for a store credential as `/sync/enrol` does. */
  enrol(storeId: string, nodeId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSimCloud(backend: SimBackend): Promise<SimCloud> {
  const stripe = await startFakeStripe();
  let cluster: PostgresCluster | null = null;
  let cloud: Cloud;
  try {
    const settings = {
      stripe: { secretKey: 'sk_test_simulator', webhookSecret: SIM_WEBHOOK_SECRET, ...stripe.clientConfig() },
      // Stores of finished trials fall silent; pausing them would only add writes.
      heartbeatTimeoutMs: 24 * 60 * 60 * 1000,
      shapeSchemaVersion: 1,
      shapeColumnsSince: { menu_items: { [SIM_V2_COLUMN]: 2 } },
    };
    if (backend === 'postgres') {
      cluster = await startPostgres();
      cloud = await createCloud({ databaseUrl: await cluster.createDatabase(), settings });
    } else {
      cloud = await createCloud({ settings });
    }
  } catch (error) {
    await stripe.close();
    await cluster?.stop();
    throw error;
  }
  // Before any shape request reads the catalog (the cloud caches a table's columns).
  await cloud.ctx.database.db.execute(sql.raw(`ALTER TABLE menu_items ADD COLUMN IF NOT EXISTS ${SIM_V2_COLUMN} text`));
  const url = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  const organisationId = newId();
  const ownerEmail = `simulator-${organisationId}@example.test`;
  await seedTenant(cloud.ctx.database.db, {
    organisationId, organisationName: 'Simulator', ownerId: newId(), ownerEmail, ownerPassword: OWNER_PASSWORD,
    storeId: newId(), storeName: 'Simulator seed store', menuId: newId(), menu: demoMenu, timezone: 'UTC',
  });

  let token: { value: string; at: number } | null = null;
  const accessToken = async (): Promise<string> => {
    if (token && Date.now() - token.at < TOKEN_REFRESH_MS) return token.value;
    const login = await cloud.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ownerEmail, password: OWNER_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`simulator owner could not sign in: ${login.body}`);
    token = { value: login.json<{ accessToken: string }>().accessToken, at: Date.now() };
    return token.value;
  };
  const ownerCall = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, payload?: Record<string, unknown>) => {
    const r = await cloud.app.inject({ method, url: path, headers: { authorization: `Bearer ${await accessToken()}` }, ...(payload ? { payload } : {}) });
    return { status: r.statusCode, body: (r.body ? r.json<T>() : undefined) as T };
  };

  return {
    backend,
    cloud,
    url,
    stripe,
    organisationId,
    ownerCall,
    setShapeSchemaVersion(version) {
      // The cloud reads its settings on every shape request; the simulator moves this one.
      (cloud.ctx.settings as { shapeSchemaVersion?: number }).shapeSchemaVersion = version;
    },
    async createStores(count) {
      // What POST /api/stores does, for all of a trial's stores in one transaction (the route
      // takes one store per request, and the trials make thousands).
      const menuId = newId();
      const storeIds = Array.from({ length: count }, () => newId());
      await cloud.ctx.database.db.transaction(async (tx) => {
        await tx.insert(menus).values({ id: menuId, organisationId, name: `Trial menu ${menuId.slice(-6)}`, document: demoMenu });
        await tx.insert(stores).values(storeIds.map((id, i) => ({ id, organisationId, name: `Sim store ${i + 1}`, timezone: 'UTC', currency: demoMenu.currency, menuId })));
        await materialiseMenu(tx, menuId, organisationId, demoMenu, storeIds);
      });
      await cloud.ctx.changes.kick();
      return storeIds.map((storeId) => ({ storeId, menuId }));
    },
    async enrol(storeId, nodeId) {
      const code = await ownerCall<{ code: string }>('POST', `/api/stores/${storeId}/enrolment-codes`);
      if (code.status !== 201) throw new Error(`enrolment code refused with ${code.status}`);
      // The route allows 10 enrolments a minute per address; the simulator enrols three per trial.
      return (await enrolWithCode(cloud.ctx, code.body.code, nodeId)).credential;
    },
    async close() {
      await cloud.close();
      await stripe.close();
      await cluster?.stop();
    },
  };
}
