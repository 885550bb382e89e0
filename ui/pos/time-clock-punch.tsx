/**
 * Punching the time clock with a PIN: needs no one signed in, so it works from the sign-in
 * screen as well as from the manager area. The PIN names who punches.
 */
import { type PunchKind, newId } from '@brigade/sync/model';
import { useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { PinKeypad } from './pin-keypad';
import './staff-cash.css';

export const PUNCHES: readonly { kind: PunchKind; label: string }[] = [
  { kind: 'clock_in', label: 'Clock in' },
  { kind: 'break_start', label: 'Start break' },
  { kind: 'break_end', label: 'End break' },
  { kind: 'clock_out', label: 'Clock out' },
];

export const clockTime = (iso: string | undefined): string => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—');

export function TimeClockPunch({ onPunched }: { onPunched?: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [kind, setKind] = useState<PunchKind>('clock_in');
  const [busy, setBusy] = useState(false);
  const punch = (pin: string) => {
    setBusy(true);
    client.command('timeclock.punch', { punchId: newId(), kind, pin }).then((r) => {
      toasts.info(`${r.staff.name}: ${PUNCHES.find((p) => p.kind === r.kind)?.label ?? r.kind} at ${clockTime(r.at)}`);
      onPunched?.();
    }, toasts.error).finally(() => setBusy(false));
  };
  return (
    <div className="time-clock-punch">
      <div className="tabs" role="radiogroup" aria-label="Punch">
        {PUNCHES.map((p) => (
          <button key={p.kind} type="button" role="radio" aria-checked={kind === p.kind} className="btn btn-big" onClick={() => setKind(p.kind)}>{p.label}</button>
        ))}
      </div>
      <PinKeypad label="PIN for the time clock" submitLabel={PUNCHES.find((p) => p.kind === kind)?.label ?? 'Punch'} onSubmit={punch} disabled={busy} />
    </div>
  );
}
