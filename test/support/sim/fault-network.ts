/**
 * The network between the simulated edges and the cloud: one `typeof fetch` per edge, handed
 * to the edge's real sync client (`startEdgeSync({ fetch })`), which uses it for the pusher and
 * for every `ShapeStream`. Faults are armed by the trial's plan (the next push or shape request
 * of an edge is dropped, answered then lost, sent twice, held back, or re-sent stale later)
 * and partitions black-hole an edge until healed. A small seeded noise rate drops more at
 * random. Everything that reaches the cloud's push route is recorded for the invariant checker.
 */
import { type FaultKind, emptyFaultCounts, type FaultCounts } from './fault-kinds';
import { type WireLog, recordPush } from './wire-log';

export type Target = 'push' | 'shape';
/** Faults armed for an edge's next request of a kind. */
export type ArmedFault = 'drop-request' | 'drop-response' | 'duplicate' | 'delay' | 'stale-replay';

interface Held {
  readonly release: () => void;
  readonly fail: (error: Error) => void;
}

interface EdgeLink {
  readonly index: number;
  partitioned: boolean;
  readonly armed: Record<Target, ArmedFault[]>;
  /** Requests black-holed by a partition: they fail (as a timeout would) when it heals. */
  readonly blackholed: Set<Held>;
  /** Requests delayed by a `delay` fault: sent when released. */
  readonly delayed: Set<Held>;
  /** Copies of pushes to deliver again later, after newer ones (reordering). */
  readonly stale: { url: string; init: RequestInit }[];
  /** Shape requests under way (mostly parked long-polls), so a connection reset can cut them. */
  readonly inFlight: Set<AbortController>;
}

export interface FaultNetworkOptions {
  readonly base?: typeof fetch;
  /** Seeded generator for the noise. */
  readonly random: () => number;
  /** Chance that any request is dropped (half before, half after the cloud saw it). */
  readonly noise?: number;
}

export class FaultNetwork {
  readonly counts: FaultCounts = emptyFaultCounts();
  readonly wire: WireLog = { pushes: [] };
  /** 409 answers (must-refetch) per edge, and how many its rotations and schema bumps explain. */
  readonly refetches = new Map<number, { seen: number; explained: number }>();
  /** Requests the edges made, for the cost of a trial. */
  readonly requests = { push: 0, shape: 0 };
  private readonly links = new Map<number, EdgeLink>();
  private readonly base: typeof fetch;
  /** Set while settling: no more noise. */
  private quiet = false;

  constructor(private readonly options: FaultNetworkOptions) {
    this.base = options.base ?? fetch;
  }

  /** The fetch edge `edge` uses to reach the cloud. */
  fetchFor(edge: number): typeof fetch {
    const link = this.link(edge);
    return (input, init) => this.send(edge, link, input, init);
  }

  arm(edge: number, target: Target, fault: ArmedFault): void {
    this.link(edge).armed[target].push(fault);
  }

  partition(edge: number): void {
    const link = this.link(edge);
    if (!link.partitioned) this.counts.partition += 1;
    link.partitioned = true;
    // The open connections die with the link; what the client sends next is black-holed.
    this.cutShapes(edge);
  }

  heal(edge: number): void {
    const link = this.link(edge);
    link.partitioned = false;
    for (const held of link.blackholed) held.fail(new TypeError('fetch failed: the network was partitioned'));
    link.blackholed.clear();
  }

  isPartitioned(edge: number): boolean {
    return this.link(edge).partitioned;
  }

  /**
   * Resets the edge's open shape connections (its parked long-polls): the client asks again
   * at once, and after a rotation that next request is the one that gets the 409.
   */
  cutShapes(edge: number): void {
    for (const controller of this.link(edge).inFlight) controller.abort(new TypeError('fetch failed: connection reset'));
  }

  /**
   * The edge's process restarts (an upgrade): every connection it had dies, so its held and
   * black-holed requests fail now instead of holding up its sync client's stop.
   */
  restart(edge: number): void {
    const link = this.link(edge);
    for (const held of [...link.blackholed, ...link.delayed]) held.fail(new TypeError('fetch failed: the process restarted'));
    link.blackholed.clear();
    link.delayed.clear();
    this.cutShapes(edge);
  }

  /** A rotation or an upgrade of `shapes` shapes of the edge: that many 409s are expected. */
  expectRefetches(edge: number, shapes: number): void {
    const r = this.refetches.get(edge) ?? { seen: 0, explained: 0 };
    this.refetches.set(edge, { ...r, explained: r.explained + shapes });
  }

  /** Lets every delayed request of `edge` (or of all edges) go. */
  release(edge?: number): void {
    for (const [index, link] of this.links) {
      if (edge !== undefined && index !== edge) continue;
      for (const held of link.delayed) held.release();
      link.delayed.clear();
    }
  }

  /** Sends the stale copies now, after the newer requests that overtook them; answers are thrown away. */
  async deliverStale(edge?: number): Promise<void> {
    const sends: Promise<unknown>[] = [];
    for (const [index, link] of this.links) {
      if (edge !== undefined && index !== edge) continue;
      for (const copy of link.stale.splice(0)) {
        sends.push(this.base(copy.url, copy.init).then((r) => r.text()).catch(() => undefined));
      }
    }
    await Promise.all(sends);
  }

  /** Before settling: no partition, nothing held, nothing armed, no more noise. */
  async calm(): Promise<void> {
    this.quiet = true;
    for (const [index, link] of this.links) {
      link.armed.push.length = 0;
      link.armed.shape.length = 0;
      this.heal(index);
    }
    this.release();
    await this.deliverStale();
  }

  private link(edge: number): EdgeLink {
    let link = this.links.get(edge);
    if (!link) {
      link = { index: edge, partitioned: false, armed: { push: [], shape: [] }, blackholed: new Set(), delayed: new Set(), stale: [], inFlight: new Set() };
      this.links.set(edge, link);
    }
    return link;
  }

  private async send(edge: number, link: EdgeLink, input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> {
    const url = input instanceof Request ? input.url : input.toString();
    const target: Target | null = url.includes('/sync/push') ? 'push' : url.includes('/v1/shape') ? 'shape' : null;
    if (target === null) return this.base(input, init);
    this.requests[target] += 1;
    const body = typeof init?.body === 'string' ? init.body : null;
    const carriesMutations = target === 'push' && body !== null && !body.includes('"mutations":[]');

    if (link.partitioned) {
      this.counts['partitioned-request'] += 1;
      await this.hold(link.blackholed, init?.signal);
    }
    // A push fault waits for a push that carries mutations: a heartbeat would waste it.
    const armed = target === 'push' && !carriesMutations ? undefined : link.armed[target].shift();
    const fault: FaultKind | undefined = armed ?? this.noise();
    if (fault) this.counts[fault] += 1;

    if (fault === 'drop-request') throw new TypeError('fetch failed: request lost');
    if (fault === 'delay') await this.hold(link.delayed, init?.signal);
    if (fault === 'stale-replay' && body !== null) link.stale.push({ url, init: { method: init?.method ?? 'GET', headers: init?.headers ?? {}, body } });
    if (fault === 'duplicate') {
      const twin = this.deliver(url, init, body).then((r) => r.text()).catch(() => undefined);
      const [response] = await Promise.all([this.deliver(url, init, body), twin]);
      return this.receive(link, response);
    }
    const response = target === 'shape' ? await this.deliverCuttable(link, url, init) : await this.deliver(url, init, body);
    if (fault === 'drop-response') {
      // The cloud has done its work; only the answer is lost.
      await response.text().catch(() => undefined);
      throw new TypeError('fetch failed: response lost');
    }
    return this.receive(link, response);
  }

  private async deliver(url: string, init: RequestInit | undefined, body: string | null): Promise<Response> {
    const response = await this.base(url, init);
    if (body !== null && url.includes('/sync/push')) recordPush(this.wire, body, response.status);
    return response;
  }

  private async deliverCuttable(link: EdgeLink, url: string, init: RequestInit | undefined): Promise<Response> {
    const controller = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    link.inFlight.add(controller);
    try {
      return await this.base(url, { ...init, signal });
    } finally {
      link.inFlight.delete(controller);
    }
  }

  /** An answer that comes back while the edge is cut off never reaches it. */
  private async receive(link: EdgeLink, response: Response): Promise<Response> {
    if (response.status === 409 && response.url.includes('/v1/shape')) {
      const r = this.refetches.get(link.index) ?? { seen: 0, explained: 0 };
      this.refetches.set(link.index, { ...r, seen: r.seen + 1 });
    }
    if (!link.partitioned) return response;
    await response.text().catch(() => undefined);
    this.counts['partitioned-request'] += 1;
    throw new TypeError('fetch failed: the network was partitioned');
  }

  private noise(): FaultKind | undefined {
    const rate = this.quiet ? 0 : (this.options.noise ?? 0);
    if (rate <= 0) return undefined;
    const draw = this.options.random();
    if (draw >= rate) return undefined;
    return draw < rate / 2 ? 'drop-request' : 'drop-response';
  }

  private hold(into: Set<Held>, signal: AbortSignal | null | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const held: Held = {
        release: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        into.delete(held);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      into.add(held);
    });
  }
}
