/**
 * Crash tests of the edge node (issue 6; sync.md §8.4 in the design notes). The real edge
 * process, enrolled with a real cloud process on PGlite, is started armed with a crash point
 * (BRIGADE_CRASH_AT) and kills itself with SIGKILL there; it is restarted unarmed, the POS
 * sends again what went unanswered, sync settles, and edge and cloud must agree: outbox
 * drained, shapes equal, and — read from the cloud's database once the cloud is stopped,
 * since PGlite serves one process at a time — every mutation once, no seq gap, the same
 * orders, payments, stock and 86s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DecodedReceipt, type VirtualPrinter, startVirtualPrinter } from '@brigade/drivers/virtual';
import { DEMO, type Menu, type Order, newId } from '@brigade/sync/model';
import { type Pos, readMenu, replaceMenu, sendCommand } from '../support/crash/clients';
import { type EdgeFacts, readEdge } from '../support/crash/convergence';
import { diedAtCrashPoint, killAll, startEdgeProcess } from '../support/crash/processes';
import { CloudStage, enrolledEdge, settleEdge } from '../support/crash/stage';
import { Workload } from '../support/crash/workload';

let cloud: CloudStage;
let printer: VirtualPrinter | undefined;
/** Each scenario's edge, its workload and what it acknowledged, checked against the cloud at the end. */
const checked: { label: string; dataDir: string; acknowledged: string[] }[] = [];

beforeAll(async () => {
  cloud = await CloudStage.create();
  await cloud.start();
}, 200_000);

afterAll(async () => {
  await cloud?.stop();
  await printer?.close();
  killAll();
  cloud?.cleanUp();
}, 60_000);

async function hubMenu(hubUrl: string, pos: Pos): Promise<Menu> {
  const response = await fetch(`${hubUrl}/api/menu`, { headers: pos.headers });
  return ((await response.json()) as { menu: Menu }).menu;
}

function grillTickets(receipts: readonly DecodedReceipt[]): DecodedReceipt[] {
  return receipts.filter((r) => r.text.includes('Classic Burger'));
}

describe('the edge node killed with SIGKILL at a labelled point, then restarted', () => {
  // First: its menu edit changes the menu every store of the tenant follows, so the stores of
  // the later scenarios enrol after it, and every stopped edge still equals its shapes at the end.
  it('edge.mid-shape-batch: a half-applied menu batch rolls back whole and the menu arrives after the restart', async () => {
    // Enrolled and synced unarmed first, so the kill comes in the edit's batch, not in the first snapshot.
    const { dataDir, pos, edge } = await enrolledEdge(cloud);
    expect((await edge.stop()).code).toBe(0);
    const armed = await startEdgeProcess({ dataDir, cloudUrl: cloud.url, crashAt: 'edge.mid-shape-batch' });
    const before = readEdge(dataDir);
    // One owner edit that changes three items: one transaction, one batch of three rows for the edge.
    const owner = await cloud.owner();
    const current = await readMenu(owner);
    const raised = new Map([DEMO.burger, DEMO.fries, DEMO.cola].map((id) => [id as string, (current.menu.items.find((i) => i.id === id)?.price ?? 0) + 100]));
    const edited = await replaceMenu(owner, current.version, { ...current.menu, items: current.menu.items.map((i) => (raised.has(i.id) ? { ...i, price: raised.get(i.id) } : i)) });
    expect(edited.status).toBe(200);
    expect((await diedAtCrashPoint(armed)).signal).toBe('SIGKILL');
    // Nothing of the batch stayed: rows and resume positions as before the edit.
    const afterCrash = readEdge(dataDir);
    expect(afterCrash.shapes).toEqual(before.shapes);
    expect(afterCrash.positions).toEqual(before.positions);
    expect(Object.keys(before.positions).length).toBeGreaterThan(0);

    const again = await startEdgeProcess({ dataDir, cloudUrl: cloud.url });
    expect(await settleEdge(cloud, again, dataDir, pos)).toEqual([]);
    // The store's menu was rebuilt from the rows: the POS sells at the owner's new price.
    await expect.poll(async () => (await hubMenu(again.url, pos)).items.find((i) => i.id === DEMO.burger)?.price, { timeout: 30_000 }).toBe(raised.get(DEMO.burger));
    const work = new Workload();
    await work.drive(again.url, pos);
    expect(work.done).toBe(true);
    const order = (work.replies()[3]?.json as { result: { order: Order } }).result.order;
    expect(order.lines.find((l) => l.itemId === DEMO.burger)?.unitPrice).toBe(raised.get(DEMO.burger));
    expect(await settleEdge(cloud, again, dataDir, pos)).toEqual([]);
    expect((await again.stop()).code).toBe(0);
    checked.push({ label: 'edge.mid-shape-batch', dataDir, acknowledged: work.acknowledged() });
  }, 300_000);

  it('edge.after-commit-before-push: what was committed but not pushed reaches the cloud once', async () => {
    const { dataDir, pos, edge: armed } = await enrolledEdge(cloud, { crashAt: 'edge.after-commit-before-push' });
    const work = new Workload();
    await work.drive(armed.url, pos);
    expect((await diedAtCrashPoint(armed)).signal).toBe('SIGKILL');
    // Committed and never sent: the outbox holds it. (The POS stopped where the hub died: the
    // rest of the workload, and any command whose answer the kill cut off, is sent again below.)
    expect(readEdge(dataDir).outboxWaiting).toBeGreaterThan(0);

    const again = await startEdgeProcess({ dataDir, cloudUrl: cloud.url });
    await work.drive(again.url, pos);
    expect(work.done).toBe(true);
    expect(await settleEdge(cloud, again, dataDir, pos)).toEqual([]);
    expect((await again.stop()).code).toBe(0);
    expect([...readEdge(dataDir).orders.keys()]).toEqual(expect.arrayContaining(work.orderIds));
    checked.push({ label: 'edge.after-commit-before-push', dataDir, acknowledged: work.acknowledged() });
  }, 300_000);

  it('edge.after-print-send-before-mark: the ticket printed before the kill prints once more with REPRINT, and sync agrees', async () => {
    printer = await startVirtualPrinter({ port: 0, name: 'grill-printer' });
    const printers = [{ id: 'grill-printer', role: 'kitchen', host: '127.0.0.1', port: printer.port, stations: [DEMO.grill] }];
    const { dataDir, pos, edge: armed } = await enrolledEdge(cloud, { printers, crashAt: 'edge.after-print-send-before-mark' });
    const work = new Workload();
    await work.drive(armed.url, pos);
    expect((await diedAtCrashPoint(armed)).signal).toBe('SIGKILL');
    expect(grillTickets(printer.receipts())).toHaveLength(1);
    const orderId = work.orderIds[0] ?? '';
    const grillJob = (facts: EdgeFacts) => facts.printJobs.filter((j) => j.orderId === orderId && j.kind === 'kitchen' && j.stationId === DEMO.grill);
    expect(grillJob(readEdge(dataDir)).map((j) => j.status)).toContain('sending');

    const again = await startEdgeProcess({ dataDir, cloudUrl: cloud.url, printers });
    await work.drive(again.url, pos);
    expect(work.done).toBe(true);
    const reprinted = await printer.waitForReceipts(2, 30_000);
    expect(grillTickets(reprinted)).toHaveLength(2);
    expect(reprinted[1]?.text).toContain('REPRINT');
    await expect.poll(() => grillJob(readEdge(dataDir)).every((j) => j.status === 'printed'), { timeout: 30_000 }).toBe(true);
    expect(await settleEdge(cloud, again, dataDir, pos)).toEqual([]);
    // A later order prints once, without REPRINT: the lane moved on and nothing printed a third time.
    const later = newId();
    const created = await sendCommand(again.url, pos, 'order.create', newId(), { orderId: later, channel: 'counter', diningOption: 'eat_in', lines: [{ lineId: newId(), itemId: DEMO.burger, quantity: 1, modifierOptionIds: [DEMO.medium] }] });
    expect(created?.status).toBe(200);
    expect((await sendCommand(again.url, pos, 'order.fire', newId(), { orderId: later }))?.status).toBe(200);
    const afterLater = await printer.waitForReceipts(3, 30_000);
    expect(afterLater[2]?.text).not.toContain('REPRINT');
    expect(grillTickets(printer.receipts())).toHaveLength(3);
    expect(printer.decodeErrors()).toEqual([]);
    expect(await settleEdge(cloud, again, dataDir, pos)).toEqual([]);
    expect((await again.stop()).code).toBe(0);
    checked.push({ label: 'edge.after-print-send-before-mark', dataDir, acknowledged: work.acknowledged() });
  }, 300_000);

  it('the cloud holds what every crashed edge pushed exactly once, with no seq gap, and the same stock, payments and 86s', async () => {
    expect(checked.map((c) => c.label)).toEqual(['edge.mid-shape-batch', 'edge.after-commit-before-push', 'edge.after-print-send-before-mark']);
    for (const { label, dataDir, acknowledged } of checked) {
      expect(readEdge(dataDir).lastSeq, label).toBeGreaterThan(0);
      const { differences, violations } = await cloud.check(dataDir, acknowledged);
      expect(differences, label).toEqual([]);
      expect(violations, label).toEqual([]);
    }
  }, 120_000);
});
