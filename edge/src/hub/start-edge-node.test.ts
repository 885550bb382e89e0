import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Order, newId } from '@brigade/sync/model';
import { loadConfig } from '../config';
import { openEdgeStore } from '../store/open-store';
import type { PaymentTerminal } from '../store/types';
import { CASHIER_PIN } from './hub-test-kit';
import { startEdgeNode } from './start-edge-node';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A card reader that waits for the customer until told to approve (the real one is a Stripe device). */
function slowReader(): { terminal: PaymentTerminal; charging: Promise<void>; approve(): void } {
  let approve = (): void => undefined;
  let started = (): void => undefined;
  const charging = new Promise<void>((resolve) => (started = resolve));
  const terminal: PaymentTerminal = {
    charge: () => {
      started();
      return new Promise((resolve) => (approve = () => resolve({ status: 'approved', reference: 'pi_test_1', cardBrand: 'visa', last4: '4242' })));
    },
  };
  return { terminal, charging, approve: () => approve() };
}

async function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('an edge node shutting down', () => {
  it('finishes a command in flight before closing the database', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'brigade-node-'));
    const reader = slowReader();
    const config = loadConfig({ BRIGADE_DATA_DIR: dataDir, BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_UI_DIST: join(dataDir, 'none') });
    const node = await startEdgeNode({ config, store: { seedDemo: true, terminal: reader.terminal } });
    const base = `http://127.0.0.1:${node.port}`;

    const setupCode = node.store.auth.createSetupCode('pos');
    const device = (await postJson(`${base}/api/pairing/setup`, {}, { setupCode, name: 'Till' })).json as { deviceToken: string };
    const session = (await postJson(`${base}/api/session`, { authorization: `Bearer ${device.deviceToken}` }, { pin: CASHIER_PIN })).json as { sessionToken: string };
    const headers = { authorization: `Bearer ${device.deviceToken}`, 'x-staff-session': session.sessionToken };
    const orderId = newId();
    const created = await postJson(`${base}/api/commands/order.create`, headers, {
      commandId: newId(),
      args: { orderId, channel: 'counter', diningOption: 'take_out', lines: [{ lineId: newId(), itemId: DEMO.fries, quantity: 1, modifierOptionIds: [DEMO.regular] }] },
    });
    const total = (created.json as { result: { order: Order } }).result.order.totals.total;

    const paying = postJson(`${base}/api/commands/payment.capture`, headers, { commandId: newId(), args: { orderId, paymentId: newId(), tender: 'card', amount: total } });
    await reader.charging;
    const closing = node.close();
    reader.approve();
    const paid = await paying;
    await closing;
    expect(paid.status).toBe(200);

    const reopened = openEdgeStore({ dataDir });
    try {
      expect(reopened.queries.order(orderId).paymentStatus).toBe('paid');
    } finally {
      reopened.close();
    }
  });
});
