/**
 * The floor: sections with their tables where the floor plan puts them, each showing its open
 * checks, coloured by how long the oldest has been open (and whether it is part paid). A free
 * table opens a check for a party; a busy one opens its check; tabs run by name.
 */
import { cents, formatMoney, newId } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import type { FloorTable, FloorView as Floor, OpenCheckSummary } from '../shared/check-types';
import { Dialog } from '../shared/dialog';
import { useHub, useHubEvents } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { FloorEditor } from './floor-editor';
import { useStaff } from './staff-session';

/** Minutes after which a table shows as waiting long. */
const LONG_MINUTES = 60;

export function tableState(checks: readonly OpenCheckSummary[], now: number): 'free' | 'seated' | 'long' | 'paying' {
  if (checks.length === 0) return 'free';
  if (checks.some((c) => c.paid > 0 || c.split)) return 'paying';
  const oldest = Math.min(...checks.map((c) => Date.parse(c.openedAt)));
  return now - oldest >= LONG_MINUTES * 60_000 ? 'long' : 'seated';
}

interface Props {
  currency: string;
  onOpenCheck: (orderId: string) => void;
}

export function FloorView({ currency, onOpenCheck }: Props) {
  const { client } = useHub();
  const toasts = useToasts();
  const [floor, setFloor] = useState<Floor | null>(null);
  const [seating, setSeating] = useState<FloorTable | null>(null);
  const [naming, setNaming] = useState(false);
  const [choosing, setChoosing] = useState<FloorTable | null>(null);
  const [editing, setEditing] = useState(false);
  const { isManager } = useStaff();
  const load = useCallback(() => {
    client.get<Floor>('/api/floor').then(setFloor, (error: unknown) => toasts.error(error));
  }, [client, toasts]);
  useEffect(load, [load]);
  // Colours follow the clock: refreshed every half minute, not on every render.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useHubEvents((event) => {
    if (event.type === 'order.updated') load();
  });
  if (!floor) return <p className="loading">Loading the floor…</p>;
  const checksOf = (tableId: string) => floor.checks.filter((c) => c.tableId === tableId && c.parentOrderId === null);

  const open = async (args: { tableId?: string; tabName?: string; guests: number }) => {
    try {
      const result = await client.command('check.open', { orderId: newId(), ...args });
      onOpenCheck(result.check.orderId);
    } catch (error) {
      toasts.error(error);
    }
  };

  const tap = (table: FloorTable) => {
    const checks = checksOf(table.id);
    if (checks.length === 0) setSeating(table);
    else if (checks.length === 1 && checks[0]) onOpenCheck(checks[0].orderId);
    else setChoosing(table);
  };

  const tabs = floor.checks.filter((c) => c.tableId === null && c.parentOrderId === null);
  return (
    <div className="floor">
      {floor.sections.map((section) => (
        <section key={section.id} className="floor-section" aria-label={section.name}>
          <h2>{section.name}</h2>
          <div className="floor-plan">
            {floor.tables.filter((t) => t.sectionId === section.id).map((table) => {
              const checks = checksOf(table.id);
              const state = tableState(checks, now);
              const guests = checks.reduce((s, c) => s + (c.guests ?? 0), 0);
              const total = checks.reduce((s, c) => s + c.total - c.paid, 0);
              return (
                <button key={table.id} type="button" className={`floor-table ${table.shape} state-${state}`}
                  style={{ left: `${table.x}%`, top: `${table.y}%` }} aria-label={`Table ${table.label}, ${state}`} onClick={() => tap(table)}>
                  <strong>{table.label}</strong>
                  <span>{checks.length > 0 ? `${guests}/${table.seats} · ${formatMoney(cents(total), currency)}` : `${table.seats} seats`}</span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
      <section className="floor-tabs" aria-label="Tabs">
        <h2>Tabs</h2>
        {tabs.map((tab) => (
          <button key={tab.orderId} type="button" className="btn" onClick={() => onOpenCheck(tab.orderId)}>
            {tab.tabName ?? tab.number} · {formatMoney(cents(tab.total - tab.paid), currency)}
          </button>
        ))}
        <button type="button" className="btn btn-primary" onClick={() => setNaming(true)}>New tab</button>
        {isManager && <button type="button" className="btn" onClick={() => setEditing(true)}>Edit floor</button>}
      </section>
      {editing && <FloorEditor floor={floor} onChanged={load} onClose={() => setEditing(false)} />}
      {seating && (
        <Dialog title={`Seat table ${seating.label}`} onClose={() => setSeating(null)}>
          <PartySize max={Math.max(seating.seats, 8)} onPick={(guests) => { setSeating(null); void open({ tableId: seating.id, guests }); }} />
        </Dialog>
      )}
      {choosing && (
        <Dialog title={`Checks on table ${choosing.label}`} onClose={() => setChoosing(null)}>
          {checksOf(choosing.id).map((c) => (
            <button key={c.orderId} type="button" className="btn btn-wide" onClick={() => { setChoosing(null); onOpenCheck(c.orderId); }}>
              {c.number} · {c.guests ?? '?'} guests · {formatMoney(cents(c.total - c.paid), currency)}
            </button>
          ))}
          <button type="button" className="btn btn-primary" onClick={() => { const t = choosing; setChoosing(null); setSeating(t); }}>Another check</button>
        </Dialog>
      )}
      {naming && <TabNameDialog onClose={() => setNaming(false)} onName={(tabName) => { setNaming(false); void open({ tabName, guests: 1 }); }} />}
    </div>
  );
}

function PartySize({ max, onPick }: { max: number; onPick: (guests: number) => void }) {
  return (
    <div className="party-size" role="group" aria-label="Party size">
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <button key={n} type="button" className="btn btn-big" onClick={() => onPick(n)}>{n}</button>
      ))}
    </div>
  );
}

function TabNameDialog({ onClose, onName }: { onClose: () => void; onName: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <Dialog title="New tab" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) onName(name.trim()); }}>
        <label>Name <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoFocus /></label>
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>Open tab</button>
      </form>
    </Dialog>
  );
}
