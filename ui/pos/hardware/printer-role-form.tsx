/**
 * A printer's role on the hardware page: receipt, kitchen (for some or all stations), expo
 * (the copy of every fire) or backup of another printer, and its command language. Saved on
 * the hub (manager signed in), where the print runner routes the very next ticket by it.
 */
import type { Station } from '@brigade/sync/model';
import { useState } from 'react';
import { useHub } from '../../shared/hub-context';
import { useToasts } from '../../shared/toasts';
import type { HardwarePrinter } from './hardware-status';

const roles = [
  { value: 'receipt', label: 'Receipts' },
  { value: 'kitchen', label: 'Kitchen' },
  { value: 'expo', label: 'Expo (every fire)' },
  { value: 'backup', label: 'Backup of…' },
] as const;

type Role = (typeof roles)[number]['value'];

export function PrinterRoleForm({ printer, printers, stations, onDone }: {
  printer: HardwarePrinter;
  printers: readonly HardwarePrinter[];
  stations: readonly Station[];
  onDone: () => void;
}) {
  const { client } = useHub();
  const toasts = useToasts();
  const [role, setRole] = useState<Role>((roles.find((r) => r.value === printer.role)?.value) ?? 'receipt');
  const [chosen, setChosen] = useState<readonly string[]>(printer.stations ?? []);
  const [backupOf, setBackupOf] = useState(printer.backupOf ?? '');
  const [language, setLanguage] = useState(printer.language ?? 'esc-pos');
  const others = printers.filter((p) => p.id !== printer.id && p.role !== 'backup');

  const save = async () => {
    try {
      await client.post(`/api/hardware/printers/${encodeURIComponent(printer.id)}/assign`, {
        role,
        stations: role === 'kitchen' ? chosen : [],
        backupOf: role === 'backup' ? backupOf || null : null,
        language,
      });
      toasts.info(`${printer.id} saved.`);
      onDone();
    } catch (error) {
      toasts.error(error);
    }
  };

  const toggle = (id: string, on: boolean) => setChosen((before) => (on ? [...before, id] : before.filter((s) => s !== id)));

  return (
    <form className="hardware-device" aria-label={`Role of ${printer.id}`} onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label>
        Role
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </label>
      {role === 'kitchen' && (
        <fieldset className="hardware-stations">
          <legend>Stations (none ticked: every station)</legend>
          {stations.map((s) => (
            <label key={s.id}>
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={(event) => toggle(s.id, event.target.checked)} /> {s.name}
            </label>
          ))}
        </fieldset>
      )}
      {role === 'backup' && (
        <label>
          Stands in for
          <select value={backupOf} onChange={(event) => setBackupOf(event.target.value)}>
            <option value="">Choose a printer</option>
            {others.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
          </select>
        </label>
      )}
      <label>
        Language
        <select value={language} onChange={(event) => setLanguage(event.target.value as 'esc-pos' | 'star-line')}>
          <option value="esc-pos">ESC/POS</option>
          <option value="star-line">Star line mode</option>
        </select>
      </label>
      <button type="submit" className="btn">Save role</button>
    </form>
  );
}
