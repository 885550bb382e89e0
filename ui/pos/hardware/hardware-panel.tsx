/**
 * The POS's hardware page: printers and the store's devices with their live condition,
 * a test page per printer, role and station per device, and what is plugged into the
 * appliance. It reloads on every `printer.status` and `device.status` event, so "Out of
 * paper" shows here the moment the printer reports it.
 */
import type { Station } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub, useHubEvents } from '../../shared/hub-context';
import { useToasts } from '../../shared/toasts';
import { PrinterRoleForm } from './printer-role-form';
import {
  type HardwareDevice, type HardwareListing, type HardwarePrinter, type TestPageResult, deviceKindLabels, printerCondition, statusBadge,
} from './hardware-status';

export function HardwarePanel({ stations }: { stations: readonly Station[] }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [listing, setListing] = useState<HardwareListing | null>(null);
  const [lastTest, setLastTest] = useState<TestPageResult | undefined>(undefined);

  const reload = useCallback(() => {
    client.get<HardwareListing>('/api/hardware').then(setListing, toasts.error);
  }, [client, toasts]);
  useEffect(reload, [reload]);
  useHubEvents((event) => {
    if (event.type === 'printer.status' || event.type === 'device.status') reload();
  });

  const testPage = async (printer: HardwarePrinter) => {
    try {
      const result = await client.post<TestPageResult>(`/api/hardware/printers/${encodeURIComponent(printer.id)}/test-page`, {});
      setLastTest(result);
      if (result.printed) toasts.info(result.paperLow ? `Test page printed on ${printer.id}. The paper is running low.` : `Test page printed on ${printer.id}.`);
      else toasts.info(`${printer.id} did not print: ${statusBadge(result.condition).label}${result.message ? ` (${result.message})` : ''}.`);
      reload();
    } catch (error) {
      toasts.error(error);
    }
  };

  if (!listing) return <p className="loading">Looking at the hardware…</p>;
  return (
    <div className="hardware">
      <h3>Printers</h3>
      {listing.printers.length === 0 && <p className="muted">No printer is configured.</p>}
      <ul className="hardware-list" aria-label="Printers">
        {listing.printers.map((printer) => (
          <li key={printer.id} data-printer={printer.id}>
            <strong>{printer.id}</strong> · <span data-role={printer.role}>{roleLabel(printer, stations)}</span> · <span className="muted">{printer.address}</span>{' '}
            <StatusBadge status={printerCondition(printer, lastTest)} />
            {printer.message && <span className="muted"> {printer.message}</span>}{' '}
            <button type="button" className="btn" onClick={() => void testPage(printer)}>Print test page</button>
            <PrinterRoleForm printer={printer} printers={listing.printers} stations={stations} onDone={reload} />
          </li>
        ))}
      </ul>
      <h3>Devices</h3>
      {listing.devices.length === 0 && <p className="muted">No scale, scanner, display or reader is configured (BRIGADE_DEVICES).</p>}
      <ul className="hardware-list" aria-label="Devices">
        {listing.devices.map((device) => <li key={device.id} data-device={device.id}><DeviceRow device={device} stations={stations} onDone={reload} /></li>)}
      </ul>
      <h3>Plugged in</h3>
      {listing.discovered.length === 0 && <p className="muted">Nothing else found on USB, serial or HID.</p>}
      <ul className="hardware-list" aria-label="Discovered devices">
        {listing.discovered.map((d) => (
          <li key={d.address}>{d.product ?? d.guessedClass ?? d.kind} <span className="muted">{d.address}{d.manufacturer ? ` · ${d.manufacturer}` : ''}</span></li>
        ))}
      </ul>
    </div>
  );
}

/** "Kitchen: Grill, Fry", "Backup of grill", "Expo"… as the manager set it. */
function roleLabel(printer: HardwarePrinter, stations: readonly Station[]): string {
  const star = printer.language === 'star-line' ? ' (Star line)' : '';
  if (printer.role === 'backup') return `Backup of ${printer.backupOf ?? '?'}${star}`;
  if (printer.role === 'expo') return `Expo${star}`;
  if (printer.role === 'kitchen') {
    const names = (printer.stations ?? []).map((id) => stations.find((s) => s.id === id)?.name ?? id);
    return `Kitchen: ${names.length > 0 ? names.join(', ') : 'every station'}${star}`;
  }
  return `Receipts${star}`;
}

function StatusBadge({ status }: { status: string }) {
  const badge = statusBadge(status);
  return (
    <span className={`badge badge-${badge.tone}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {badge.label}
    </span>
  );
}

function DeviceRow({ device, stations, onDone }: { device: HardwareDevice; stations: readonly Station[]; onDone: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [role, setRole] = useState(device.role ?? '');
  const [stationId, setStationId] = useState(device.stationId ?? '');

  const save = async () => {
    try {
      await client.post(`/api/hardware/devices/${encodeURIComponent(device.id)}/assign`, { role: role.trim() || null, stationId: stationId || null });
      toasts.info(`${device.id} assigned.`);
      onDone();
    } catch (error) {
      toasts.error(error);
    }
  };

  return (
    <form className="hardware-device" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <strong>{device.id}</strong> · {deviceKindLabels[device.kind] ?? device.kind} <span className="muted">{device.address}</span>{' '}
      <StatusBadge status={device.status} />
      {device.message && device.status !== 'ready' && <span className="muted"> {device.message}</span>}
      {typeof device.drawerOpen === 'boolean' && <span className="muted" data-drawer={device.drawerOpen ? 'open' : 'closed'}> {device.drawerOpen ? 'Drawer open' : 'Drawer closed'}</span>}
      <label>
        Role <input value={role} maxLength={64} onChange={(event) => setRole(event.target.value)} />
      </label>
      <label>
        Station
        <select value={stationId} onChange={(event) => setStationId(event.target.value)}>
          <option value="">None</option>
          {stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          {stationId && !stations.some((s) => s.id === stationId) && <option value={stationId}>{stationId}</option>}
        </select>
      </label>
      <button type="submit" className="btn">Save</button>
    </form>
  );
}
