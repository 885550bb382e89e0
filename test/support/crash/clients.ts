/**
 * What talks to the processes in the crash tests: a POS on the hub's HTTP API (paired with a
 * setup code, signed in as the demo manager) and the owner on the cloud's API. A POS whose
 * request died with the hub sends it again with the same commandId once the hub is back,
 * as the real screens do.
 */
import { openEdgeStore } from '@brigade/edge';
import { demoStaff } from '@brigade/sync/model';

/** The demo tenant the cloud seeds with BRIGADE_SEED_DEMO=1 (cloud/src/stores/seed.ts). */
export const DEMO_TENANT = {
  menuId: '0190a000-0000-7000-8000-00000000a004',
  ownerEmail: 'owner@demo.brigade',
  ownerPassword: 'brigade-demo',
} as const;

const manager = demoStaff.find((s) => s.role === 'manager') ?? demoStaff[0];

export interface Reply {
  readonly status: number;
  readonly json: unknown;
}

async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<Reply> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Seeds a new store folder with the demo and returns a setup code for its first POS. */
export function seedEdgeStore(dataDir: string): string {
  const store = openEdgeStore({ dataDir, seedDemo: true });
  try {
    return store.auth.createSetupCode('pos');
  } finally {
    store.close();
  }
}

export interface Pos {
  /** The device token and staff session, kept in the store's database across restarts. */
  readonly headers: Record<string, string>;
}

export async function pairPos(hubUrl: string, setupCode: string): Promise<Pos> {
  const paired = await postJson(`${hubUrl}/api/pairing/setup`, {}, { setupCode, name: 'Counter 1' });
  if (paired.status !== 200) throw new Error(`pairing failed: ${paired.status} ${JSON.stringify(paired.json)}`);
  const device = { authorization: `Bearer ${(paired.json as { deviceToken: string }).deviceToken}` };
  const session = await postJson(`${hubUrl}/api/session`, device, { pin: manager.pin });
  if (session.status !== 200) throw new Error(`sign-in failed: ${session.status} ${JSON.stringify(session.json)}`);
  return { headers: { ...device, 'x-staff-session': (session.json as { sessionToken: string }).sessionToken } };
}

/** A command as the POS sends it; `null` when the connection died before an answer (the hub was killed). */
export async function sendCommand(hubUrl: string, pos: Pos, name: string, commandId: string, args: unknown): Promise<Reply | null> {
  try {
    return await postJson(`${hubUrl}/api/commands/${name}`, pos.headers, { commandId, args });
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

export async function syncStatus(hubUrl: string, pos: Pos): Promise<{ online: boolean; waiting: number; cloud: string }> {
  const response = await fetch(`${hubUrl}/api/sync/status`, { headers: pos.headers });
  return (await response.json()) as { online: boolean; waiting: number; cloud: string };
}

export interface Owner {
  readonly cloudUrl: string;
  readonly token: string;
}

export async function ownerSignIn(cloudUrl: string): Promise<Owner> {
  const login = await postJson(`${cloudUrl}/api/auth/login`, {}, { email: DEMO_TENANT.ownerEmail, password: DEMO_TENANT.ownerPassword });
  if (login.status !== 200) throw new Error(`owner sign-in failed: ${login.status} ${JSON.stringify(login.json)}`);
  return { cloudUrl, token: (login.json as { accessToken: string }).accessToken };
}

/** A new store of the demo organisation on the demo menu: each crash scenario gets its own, so its records stand apart. */
export async function createStore(owner: Owner, name: string): Promise<string> {
  const created = await postJson(`${owner.cloudUrl}/api/stores`, { authorization: `Bearer ${owner.token}` }, { name, timezone: 'America/New_York', menuId: DEMO_TENANT.menuId });
  if (created.status !== 201) throw new Error(`store not created: ${created.status} ${JSON.stringify(created.json)}`);
  return (created.json as { store: { id: string } }).store.id;
}

export async function enrolmentCode(owner: Owner, storeId: string): Promise<string> {
  const created = await postJson(`${owner.cloudUrl}/api/stores/${storeId}/enrolment-codes`, { authorization: `Bearer ${owner.token}` }, {});
  if (created.status !== 201 && created.status !== 200) throw new Error(`enrolment code refused: ${created.status} ${JSON.stringify(created.json)}`);
  return (created.json as { code: string }).code;
}

/** The owner's whole menu document, as the dashboard reads it. */
export interface OwnerMenu {
  readonly version: number;
  readonly menu: { readonly items: readonly { readonly id: string; readonly price: number; readonly name: string }[] } & Record<string, unknown>;
}

export async function readMenu(owner: Owner): Promise<OwnerMenu> {
  const response = await fetch(`${owner.cloudUrl}/api/menus/${DEMO_TENANT.menuId}`, { headers: { authorization: `Bearer ${owner.token}` } });
  if (!response.ok) throw new Error(`menu read failed: ${response.status}`);
  return (await response.json()) as OwnerMenu;
}

/** Replaces the owner's menu document (one edit that touches many rows of the menu shapes). */
export async function replaceMenu(owner: Owner, version: number, document: unknown): Promise<Reply> {
  const response = await fetch(`${owner.cloudUrl}/api/menus/${DEMO_TENANT.menuId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ version, menu: document }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

export async function patchItem(owner: Owner, itemId: string, patch: Record<string, unknown>): Promise<Reply> {
  const response = await fetch(`${owner.cloudUrl}/api/menus/${DEMO_TENANT.menuId}/items/${itemId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
