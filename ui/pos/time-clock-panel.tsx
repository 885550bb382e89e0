/** The time clock on the POS: punch with a PIN, see today's shifts, correct a punch (permission). */
import { type PunchKind, type Shift, newId } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { PinKeypad } from './pin-keypad';
import { useApproval } from './use-approval';

const PUNCHES: readonly { kind: PunchKind; label: string }[] = [
  { kind: 'clock_in', label: 'Clock in' },
  { kind: 'break_start', label: 'Start break' },
  { kind: 'break_end', label: 'End break' },
  { kind: 'clock_out', label: 'Clock out' },
];

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—');

export function TimeClockPanel() {
  const { client } = useHub();
  const toasts = useToasts();
  const approved = useApproval();
  const [kind, setKind] = useState<PunchKind>('clock_in');
  const [shifts, setShifts] = useState<Shift[]>([]);
  const [editing, setEditing] = useState<{ punchId: string; at: string } | null>(null);

  const reload = useCallback(() => {
    client.get<{ shifts: Shift[] }>('/api/timeclock/shifts').then((r) => setShifts(r.shifts), toasts.error);
  }, [client, toasts]);
  useEffect(reload, [reload]);

  const punch = (pin: string) => {
    client.command('timeclock.punch', { punchId: newId(), kind, pin }).then((r) => {
      toasts.info(`${r.staff.name}: ${PUNCHES.find((p) => p.kind === r.kind)?.label ?? r.kind} at ${time(r.at)}`);
      reload();
    }, toasts.error);
  };

  const correct = async () => {
    if (!editing) return;
    const [hours, minutes] = editing.at.split(':').map(Number);
    const at = new Date();
    at.setHours(hours ?? 0, minutes ?? 0, 0, 0);
    const done = await approved('Correct a punch', (pin) => client.command('timeclock.correct', { punchId: editing.punchId, at: at.toISOString(), reason: 'Corrected at the POS', ...pin }));
    if (done) {
      setEditing(null);
      reload();
    }
  };

  return (
    <div className="time-clock">
      <div className="tabs" role="radiogroup" aria-label="Punch">
        {PUNCHES.map((p) => (
          <button key={p.kind} type="button" role="radio" aria-checked={kind === p.kind} className="btn" onClick={() => setKind(p.kind)}>{p.label}</button>
        ))}
      </div>
      <PinKeypad label="PIN for the time clock" submitLabel={PUNCHES.find((p) => p.kind === kind)?.label ?? 'Punch'} onSubmit={punch} />
      <table className="shifts">
        <caption>Today&apos;s shifts</caption>
        <thead><tr><th scope="col">Who</th><th scope="col">In</th><th scope="col">Out</th><th scope="col">Breaks</th><th scope="col">Worked</th><th scope="col" /></tr></thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.clockIn.id}>
              <td>{s.name}{s.state === 'on_break' ? ' (on break)' : ''}</td>
              <td>{time(s.clockIn.at)}{s.clockIn.originalAt ? ' *' : ''}</td>
              <td>{time(s.clockOut?.at)}</td>
              <td>{s.breaks.length}</td>
              <td>{Math.floor(s.workedMinutes / 60)} h {s.workedMinutes % 60} min</td>
              <td><button type="button" className="btn" onClick={() => setEditing({ punchId: s.clockOut?.id ?? s.clockIn.id, at: '' })}>Correct</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <div className="punch-correction">
          <label>New time (HH:MM) <input value={editing.at} onChange={(e) => setEditing({ ...editing, at: e.target.value })} aria-label="New time" /></label>
          <button type="button" className="btn btn-primary" disabled={!/^\d{1,2}:\d{2}$/.test(editing.at)} onClick={() => void correct()}>Save correction</button>
          <button type="button" className="btn" onClick={() => setEditing(null)}>Cancel</button>
        </div>
      )}
    </div>
  );
}
