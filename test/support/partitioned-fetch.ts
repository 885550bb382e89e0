/**
 * A `fetch` for an edge's sync client that a test can cut off from the cloud and reconnect,
 * and that counts what the shape API sent after the reconnection. While cut off, pushes fail
 * at once (the pusher backs off); a shape request — or a response that arrives during the
 * cut — is held until the link is back and then fails, as a long-poll on a dead connection
 * does, so the official client retries within its first back-off step instead of waiting out
 * the 32 s it reaches after many quick refusals.
 */
export interface ShapeTraffic {
  /** Change messages received (rows). */
  changes: number;
  /** 409 must-refetch answers. */
  refetches: number;
  requests: number;
}

export interface Partition {
  readonly fetch: typeof fetch;
  disconnect(): void;
  reconnect(): void;
  /** Per shape table, what the cloud sent since the last reconnect. */
  shapeTraffic(): Record<string, ShapeTraffic>;
}

export function partitionedFetch(base: typeof fetch = fetch): Partition {
  let online = true;
  let back: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  let traffic: Record<string, ShapeTraffic> = {};
  const refuse = async (shape: boolean): Promise<never> => {
    if (shape) await back;
    throw new TypeError('fetch failed: the network is unreachable');
  };
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const shape = url.pathname === '/v1/shape';
    if (!online) return refuse(shape);
    const response = await base(input, init);
    if (!online) {
      await response.body?.cancel();
      return refuse(shape);
    }
    if (shape) {
      const table = url.searchParams.get('table') ?? '?';
      const seen = (traffic[table] ??= { changes: 0, refetches: 0, requests: 0 });
      seen.requests += 1;
      if (response.status === 409) seen.refetches += 1;
      if (response.status === 200) {
        const body = (await response.clone().json()) as { key?: string }[];
        seen.changes += body.filter((m) => m.key !== undefined).length;
      }
    }
    return response;
  };
  return {
    fetch: wrapped,
    disconnect() {
      if (!online) return;
      online = false;
      back = new Promise((resolve) => {
        release = resolve;
      });
    },
    reconnect() {
      if (online) return;
      online = true;
      traffic = {};
      release();
    },
    shapeTraffic: () => traffic,
  };
}
