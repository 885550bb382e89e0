/**
 * What crossed the wire to the cloud's push route: every push body the cloud received (twice
 * when duplicated) and its answer. The checker uses it for what the cloud keeps only in its
 * latest form — the order snapshots a store sent, version by version.
 */
export interface WireSnapshot {
  readonly orderId: string;
  readonly version: number;
  readonly status: string;
}

export interface WirePush {
  readonly nodeId: string;
  readonly epoch: number;
  readonly mutations: readonly { readonly seq: number; readonly mutationId: string; readonly name: string }[];
  readonly snapshots: readonly WireSnapshot[];
  readonly httpStatus: number;
}

export interface WireLog {
  readonly pushes: WirePush[];
}

interface PushBody {
  nodeId?: string;
  epoch?: number;
  mutations?: { seq: number; mutationId: string; name: string; args?: { order?: { id?: string; status?: string }; version?: number } }[];
}

export function recordPush(log: WireLog, body: string, httpStatus: number): void {
  let parsed: PushBody;
  try {
    parsed = JSON.parse(body) as PushBody;
  } catch {
    return;
  }
  const mutations = parsed.mutations ?? [];
  if (mutations.length === 0) return;
  const snapshots: WireSnapshot[] = [];
  for (const m of mutations) {
    const order = m.args?.order;
    if (m.name === 'order.snapshot' && order?.id && order.status && typeof m.args?.version === 'number') {
      snapshots.push({ orderId: order.id, version: m.args.version, status: order.status });
    }
  }
  log.pushes.push({
    nodeId: parsed.nodeId ?? '',
    epoch: parsed.epoch ?? 0,
    mutations: mutations.map((m) => ({ seq: m.seq, mutationId: m.mutationId, name: m.name })),
    snapshots,
    httpStatus,
  });
}
