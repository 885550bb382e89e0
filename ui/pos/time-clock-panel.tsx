/** The time clock on the POS: punch with a PIN, see today's shifts, correct a punch (permission). */
import type { Shift } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { TimeClockPunch, clockTime as time } from './time-clock-punch';
import { useApproval } from './use-approval';
import './staff-cash.css';

export function TimeClockPanel() {
  const { client } = useHub();
  const toasts = useToasts();
  const approved = useApproval();
  const [shifts, setShifts] = useState<Shift[]>([]);
  const [editing, setEditing] = useState<{ punchId: string; at: string } | null>(null);

  const reload = useCallback(() => {
    client.get<{ shifts: Shift[] }>('/api/timeclock/shifts').then((r) => setShifts(r.shifts), toasts.error);
  }, [client, toasts]);
  useEffect(reload, [reload]);

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
      <TimeClockPunch onPunched={reload} />
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
