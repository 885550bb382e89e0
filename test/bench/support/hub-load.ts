/**
 * What the hub benchmarks and the hub profile share: the order a kiosk sends, posting a
 * command over HTTP, and a prepared data folder (seeded store, paired screens, prefilled orders).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEdgeStore } from '@brigade/edge';
import { DEMO, newId } from '@brigade/sync/model';

export function orderBody() {
  return {
    commandId: newId(),
    args: {
      orderId: newId(),
      channel: 'kiosk',
      diningOption: 'take_out',
      lines: [
        { lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium, DEMO.cheese] },
        { lineId: newId(), itemId: DEMO.cola, quantity: 2, modifierOptionIds: [DEMO.regular] },
      ],
    },
  };
}

export async function post(baseUrl: string, token: string, name: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${baseUrl}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** Prepares a data folder: seeded store, reusable setup codes, optionally prefilled orders. */
export async function prepareDataDir(prefillOrders: number, kdsScreens = 0): Promise<{ dataDir: string; kioskCode: string; kdsTokens: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brigade-bench-'));
  const store = openEdgeStore({ dataDir, seedDemo: true });
  const kioskCode = store.auth.createSetupCode('kiosk', { reusable: true });
  // Paired here rather than over HTTP, where pairing is rate-limited per address.
  const kdsCode = store.auth.createSetupCode('kds', { reusable: true });
  const kdsTokens = Array.from({ length: kdsScreens }, (_, i) => store.auth.claimSetupCode(kdsCode, `bench kds ${i}`).deviceToken);
  if (prefillOrders > 0) {
    const kiosk = store.auth.claimSetupCode(kioskCode, 'prefill kiosk');
    const actor = { deviceId: kiosk.deviceId, deviceRole: 'kiosk' as const, stationId: null, staff: null };
    for (let i = 0; i < prefillOrders; i += 1) {
      const body = orderBody();
      await store.execute('order.create', body.commandId, body.args, actor);
    }
  }
  store.close();
  return { dataDir, kioskCode, kdsTokens };
}

/** Sends `order.create` from `clients` concurrent clients until `endAt`; returns each order's latency in ms. */
export async function createOrdersUntil(baseUrl: string, token: string, clients: number, endAt: number): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < endAt) {
        const t0 = performance.now();
        const { status } = await post(baseUrl, token, 'order.create', orderBody());
        latencies.push(performance.now() - t0);
        if (status !== 200) failures += 1;
      }
    }),
  );
  return { latencies, failures };
}
