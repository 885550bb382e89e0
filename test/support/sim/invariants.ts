/**
 * The invariant checker (sync.md §8.4), run once sync has settled. Each invariant is a query
 * on both sides — the edge's SQLite file and the cloud's rows for that store — and every
 * breach is returned with enough to debug it. Reusable by any test that ends with edges and
 * a cloud at rest: pass the cloud's database and each edge's database and cloud store id.
 *
 *   import { checkInvariants } from '../support/sim/invariants';
 *   const violations = await checkInvariants({ cloud: cloud.ctx.database.db, edges: [{ label: 'edge', db: store.db, storeId }] });
 *   expect(violations).toEqual([]);
 */
import type Database from 'better-sqlite3';
import type { CloudDb } from '../../../cloud/src/db/database';
import { type CloudFacts, type EdgeFacts, readCloud, readEdge } from './invariant-reads';
import { firstBackwardStep } from './order-history';
import { compareShapes } from './shape-equality';
import type { WireLog } from './wire-log';

export const INVARIANTS = [
  'acked-once',
  'no-seq-gaps',
  'outbox-drained',
  'orders-equal',
  'status-forward',
  'stock-sums',
  'availability-equal',
  'shapes-equal',
  'online-once',
  'payments-once',
  'no-rejections',
] as const;
/** The last three are the simulator's own: liveness and the workload's health, not a database query. */
export type InvariantName = (typeof INVARIANTS)[number] | 'settled' | 'no-command-errors' | 'no-refetch-loop';

export interface Violation {
  readonly invariant: InvariantName;
  readonly edge: string | null;
  readonly detail: string;
  readonly data?: unknown;
}

export interface CheckedEdge {
  readonly label: string;
  /** The edge's SQLite database (an open store's `db`, or the file opened after a crash). */
  readonly db: Database.Database;
  /** The cloud store the edge is enrolled for. */
  readonly storeId: string;
}

export interface CheckInput {
  readonly cloud: CloudDb;
  readonly edges: readonly CheckedEdge[];
  /** What crossed the wire to the push route, when the test recorded it (the simulator does). */
  readonly wire?: WireLog;
  /** Business rejections a test expects (codes); any other recorded rejection is a violation. */
  readonly allowedRejections?: readonly string[];
}

export async function checkInvariants(input: CheckInput): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const edge of input.edges) {
    const mine = readEdge(edge.db);
    const theirs = await readCloud(input.cloud, edge.storeId, mine.nodeId);
    const report = (invariant: InvariantName, detail: string, data?: unknown) => violations.push({ invariant, edge: edge.label, detail, ...(data === undefined ? {} : { data }) });
    checkLedger(mine, theirs, input, report);
    checkOrders(mine, theirs, input.wire, report);
    checkStockAndAvailability(mine, theirs, report);
    checkOnlineAndPayments(mine, theirs, report);
    const differences = await compareShapes(input.cloud, edge.db, edge.storeId);
    if (differences.length > 0) report('shapes-equal', `${differences.length} shape rows differ (first in ${differences[0]?.table})`, differences.slice(0, 5));
  }
  return violations;
}

type Report = (invariant: InvariantName, detail: string, data?: unknown) => void;

/** Every mutation the edge numbered is in the cloud's ledger exactly once, in an unbroken run of seqs. */
function checkLedger(mine: EdgeFacts, theirs: CloudFacts, input: CheckInput, report: Report): void {
  if (mine.outboxWaiting > 0) report('outbox-drained', `${mine.outboxWaiting} mutations still wait in the outbox`);
  for (const client of theirs.clients) {
    const seqs = theirs.ledger.filter((l) => l.epoch === client.epoch).map((l) => l.seq);
    const expected = client.epoch === mine.epoch ? mine.lastSeq : client.last_seq;
    const gaps = missing(seqs, expected);
    if (seqs.length !== new Set(seqs).size) report('no-seq-gaps', `epoch ${client.epoch}: a seq is in the ledger twice`);
    if (gaps.length > 0) report('no-seq-gaps', `epoch ${client.epoch}: seqs missing from the ledger: ${gaps.slice(0, 10).join(', ')}`);
    if (client.last_seq !== expected) report('acked-once', `epoch ${client.epoch}: cloud last_seq ${client.last_seq}, edge numbered ${expected}`);
  }
  if (mine.lastSeq > 0 && !theirs.clients.some((c) => c.epoch === mine.epoch)) report('acked-once', `the cloud never heard of epoch ${mine.epoch} (${mine.lastSeq} mutations)`);
  const rejected = theirs.ledger.filter((l) => l.status === 'rejected' && !(input.allowedRejections ?? []).includes(l.code ?? ''));
  if (rejected.length > 0) report('no-rejections', `${rejected.length} mutations rejected`, rejected.slice(0, 5));
  if (input.wire) {
    const ledger = new Map(theirs.ledger.map((l) => [l.mutation_id, l]));
    for (const push of input.wire.pushes.filter((p) => p.nodeId === mine.nodeId)) {
      for (const m of push.mutations) {
        const held = ledger.get(m.mutationId);
        if (!held) report('acked-once', `mutation ${m.mutationId} (${m.name}, seq ${m.seq}) was sent but is not in the ledger`);
        else if (held.seq !== m.seq || held.epoch !== push.epoch) report('acked-once', `mutation ${m.mutationId} sent as seq ${m.seq} is held as epoch ${held.epoch} seq ${held.seq}`);
      }
    }
  }
  const cloudAudit = new Map(theirs.audit.map((a) => [a.id, a]));
  const lost = mine.audit.filter((a) => cloudAudit.get(a.id)?.action !== a.action);
  if (lost.length > 0) report('acked-once', `${lost.length} audited commands are missing or different in the cloud`, lost.slice(0, 5));
  const edgeAudit = new Set(mine.audit.map((a) => a.id));
  const invented = theirs.audit.filter((a) => !edgeAudit.has(a.id));
  if (invented.length > 0) report('acked-once', `${invented.length} audit entries in the cloud the edge never wrote`, invented.slice(0, 5));
}

function missing(seqs: readonly number[], upTo: number): number[] {
  const have = new Set(seqs);
  const gaps: number[] = [];
  for (let s = 1; s <= upTo; s++) if (!have.has(s)) gaps.push(s);
  const beyond = seqs.filter((s) => s > upTo || s < 1);
  return [...gaps, ...beyond];
}

function checkOrders(mine: EdgeFacts, theirs: CloudFacts, wire: WireLog | undefined, report: Report): void {
  const cloud = new Map(theirs.orders.map((o) => [o.id, o]));
  for (const order of mine.orders) {
    const held = cloud.get(order.id);
    if (!held) {
      report('orders-equal', `order ${order.id} is not in the cloud`);
      continue;
    }
    const fields = ['version', 'status', 'payment_status', 'total', 'paid', 'refunded'] as const;
    const diff = fields.filter((f) => held[f] !== order[f]);
    if (held.owner !== 'edge' || diff.length > 0) report('orders-equal', `order ${order.id} differs in ${[...diff, ...(held.owner !== 'edge' ? ['owner'] : [])].join(', ')}`, { edge: order, cloud: held });
  }
  const onEdge = new Set(mine.orders.map((o) => o.id));
  const pendingOnline = new Set(theirs.online.filter((o) => o.status === 'pending_payment' || o.status === 'cancelled').map((o) => o.id));
  const strays = theirs.orders.filter((o) => !onEdge.has(o.id) && !pendingOnline.has(o.id));
  if (strays.length > 0) report('orders-equal', `${strays.length} orders of this store in the cloud are not on the edge`, strays.slice(0, 5).map((o) => ({ id: o.id, owner: o.owner, status: o.status })));

  const byOrder = new Map<string, string[]>();
  for (const e of mine.statusEvents) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e.status]);
  for (const [orderId, statuses] of byOrder) {
    const back = firstBackwardStep(statuses);
    if (back) report('status-forward', `order ${orderId} went from ${back.from} to ${back.to} on the edge`, statuses);
  }
  if (!wire) return;
  const versions = new Map<string, Map<number, string>>();
  for (const push of wire.pushes) {
    for (const s of push.snapshots) {
      if (!onEdge.has(s.orderId)) continue;
      const seen = versions.get(s.orderId) ?? new Map<number, string>();
      const before = seen.get(s.version);
      if (before !== undefined && before !== s.status) report('status-forward', `order ${s.orderId} version ${s.version} was sent as ${before} and as ${s.status}`);
      seen.set(s.version, s.status);
      versions.set(s.orderId, seen);
    }
  }
  for (const [orderId, seen] of versions) {
    const statuses = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, status]) => status);
    const back = firstBackwardStep(statuses);
    if (back) report('status-forward', `order ${orderId} snapshots went from ${back.from} to ${back.to}`, statuses);
  }
}

function checkStockAndAvailability(mine: EdgeFacts, theirs: CloudFacts, report: Report): void {
  const cloudIds = new Set(theirs.stock.map((s) => s.id));
  const lost = mine.stock.filter((s) => !cloudIds.has(s.id));
  if (lost.length > 0) report('stock-sums', `${lost.length} stock movements are not in the cloud`, lost.slice(0, 5));
  const sums = (rows: readonly { key: string; delta: number }[]) => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.key, (out.get(r.key) ?? 0) + r.delta);
    return out;
  };
  const edgeSums = sums(mine.stock.map((s) => ({ key: s.ingredient_id, delta: s.delta })));
  const cloudSums = sums(theirs.stock.map((s) => ({ key: s.item_id, delta: s.delta })));
  for (const key of new Set([...edgeSums.keys(), ...cloudSums.keys()])) {
    if (edgeSums.get(key) !== cloudSums.get(key)) report('stock-sums', `stock of ${key}: edge ${edgeSums.get(key) ?? 'none'}, cloud ${cloudSums.get(key) ?? 'none'}`);
  }
  if (mine.stock.length !== theirs.stock.length) report('stock-sums', `edge has ${mine.stock.length} movements, cloud ${theirs.stock.length}`);
  const cloudFlags = new Map(theirs.availability.map((a) => [a.item_id, a.unavailable]));
  for (const a of mine.availability) {
    if (cloudFlags.get(a.item_id) !== (a.unavailable === 1)) report('availability-equal', `item ${a.item_id}: edge unavailable=${a.unavailable === 1}, cloud ${String(cloudFlags.get(a.item_id))}`);
  }
  const edgeItems = new Set(mine.availability.map((a) => a.item_id));
  for (const a of theirs.availability) if (!edgeItems.has(a.item_id)) report('availability-equal', `item ${a.item_id} has an 86 in the cloud only`);
}

function checkOnlineAndPayments(mine: EdgeFacts, theirs: CloudFacts, report: Report): void {
  const orders = new Map(mine.orders.map((o) => [o.id, o]));
  const intake = new Map<string, number>();
  for (const id of mine.intake) intake.set(id, (intake.get(id) ?? 0) + 1);
  for (const online of theirs.online) {
    const paid = online.status === 'submitted' || online.status === 'accepted';
    const taken = orders.get(online.id);
    if (paid && !taken) report('online-once', `paid online order ${online.id} never reached the store`);
    if (!paid && taken) report('online-once', `online order ${online.id} (${online.status}) was taken in by the store`);
    if (taken && online.status !== 'accepted') report('online-once', `online order ${online.id} is on the edge but ${online.status} in the cloud`);
    if (taken && intake.get(online.id) !== 1) report('online-once', `online order ${online.id} has ${intake.get(online.id) ?? 0} intake rows`);
    const onlinePayments = mine.payments.filter((p) => p.order_id === online.id && p.tender === 'online');
    if (taken && online.payment_intent_id && (onlinePayments.length !== 1 || onlinePayments[0]?.reference !== online.payment_intent_id)) {
      report('payments-once', `online order ${online.id} carries ${onlinePayments.length} online payments for intent ${online.payment_intent_id}`, onlinePayments);
    }
  }
  const online = new Set(theirs.online.map((o) => o.id));
  for (const order of mine.orders) {
    if ((order.channel === 'online' || order.channel === 'table') && !online.has(order.id)) report('online-once', `edge order ${order.id} is ${order.channel} but no online order has its id`);
  }
  const references = new Map<string, number>();
  for (const p of mine.payments) if (p.reference) references.set(p.reference, (references.get(p.reference) ?? 0) + 1);
  for (const [reference, n] of references) if (n > 1) report('payments-once', `payment reference ${reference} was captured ${n} times`);
  const cloudOrders = new Map(theirs.orders.map((o) => [o.id, o]));
  const byOrder = new Map<string, string[]>();
  for (const p of mine.payments) byOrder.set(p.order_id, [...(byOrder.get(p.order_id) ?? []), p.id]);
  for (const [orderId, ids] of byOrder) {
    const paid = mine.payments.filter((p) => p.order_id === orderId).reduce((s, p) => s + p.amount, 0);
    const order = orders.get(orderId);
    if (order && order.paid !== paid) report('payments-once', `order ${orderId} says paid ${order.paid}, its payments add to ${paid}`);
    const held = [...(cloudOrders.get(orderId)?.payment_ids ?? [])].sort();
    if (held.join() !== [...ids].sort().join()) report('payments-once', `order ${orderId}: edge payments ${ids.join(', ')}, cloud ${held.join(', ') || 'none'}`);
  }
}
