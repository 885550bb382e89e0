/** Paired screens and the pairing requests waiting for a manager, with approve. */
import type { DeviceRole, Station } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub, useHubEvents } from '../shared/hub-context';
import type { PairedDevice, PendingPairing } from '../shared/hub-types';
import { useToasts } from '../shared/toasts';
import { ApprovalCancelled, useStaff } from './staff-session';

const ROLES: readonly DeviceRole[] = ['pos', 'kiosk', 'kds', 'display'];
const listOf = <T,>(reply: T[] | Record<string, T[]>, key: string): T[] => (Array.isArray(reply) ? reply : (reply[key] ?? []));

export function DevicesPanel({ stations }: { stations: readonly Station[] }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [pending, setPending] = useState<PendingPairing[]>([]);
  const [devices, setDevices] = useState<PairedDevice[]>([]);

  const reload = useCallback(() => {
    client.get<PendingPairing[] | Record<string, PendingPairing[]>>('/api/pairing').then((r) => setPending(listOf(r, 'pending')), toasts.error);
    client.get<PairedDevice[] | Record<string, PairedDevice[]>>('/api/devices').then((r) => setDevices(listOf(r, 'devices')), toasts.error);
  }, [client, toasts]);
  useEffect(reload, [reload]);
  useHubEvents((event) => {
    if (event.type === 'device.pairing') reload();
  });

  return (
    <div className="devices">
      <h3>Waiting for approval</h3>
      {pending.length === 0 && <p className="muted">No screen is waiting. A new screen shows a 6-digit code.</p>}
      <ul className="pending-list">
        {pending.map((p) => <li key={p.requestId ?? p.code}><ApproveForm request={p} stations={stations} onDone={reload} /></li>)}
      </ul>
      <h3>Paired screens</h3>
      <ul className="device-list">
        {devices.map((d) => (
          <li key={d.id ?? d.deviceId}>
            <strong>{d.name}</strong> · {d.role}{d.stationId ? ` · ${d.stationId}` : ''}{d.revokedAt ? ' · unpaired' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ApproveForm({ request, stations, onDone }: { request: PendingPairing; stations: readonly Station[]; onDone: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  const [role, setRole] = useState<DeviceRole>('kds');
  const [stationId, setStationId] = useState('');
  const [name, setName] = useState(request.name || 'Screen');
  const approve = async () => {
    try {
      const pin = await managerApproval(`Pair screen ${request.code}`);
      await client.command('device.approve', {
        code: request.code, role, name,
        ...(role === 'kds' && stationId ? { stationId } : {}),
        ...(pin ? { managerPin: pin } : {}),
      });
      toasts.info(`${name} is paired.`);
      onDone();
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
    }
  };
  const id = `pair-${request.code}`;
  return (
    <form className="approve-form" aria-label={`Pairing request ${request.code}`} onSubmit={(e) => { e.preventDefault(); void approve(); }}>
      <span className="pairing-code-small" data-testid="pending-code">{request.code}</span>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={140} />
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as DeviceRole)}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      {role === 'kds' && (
        <>
          <label htmlFor={`${id}-station`}>Station</label>
          <select id={`${id}-station`} value={stationId} onChange={(e) => setStationId(e.target.value)}>
            <option value="">Expo (all stations)</option>
            {stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </>
      )}
      <button type="submit" className="btn btn-primary">Approve</button>
    </form>
  );
}
