/**
 * This till's cash drawer: open it with a counted float, pay in and out, drop cash, and close
 * it blind — the expected amount is not shown until the count is in. (No-sale sits below it.)
 */
import { type DrawerSession, formatMoney, newId } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { parseAmount, useApproval } from './use-approval';
import './staff-cash.css';

type Movement = 'drawer.payIn' | 'drawer.payOut' | 'drawer.drop';
const MOVEMENTS: readonly { name: Movement; label: string }[] = [
  { name: 'drawer.payIn', label: 'Pay in' },
  { name: 'drawer.payOut', label: 'Pay out' },
  { name: 'drawer.drop', label: 'Cash drop' },
];

export function DrawerSessionPanel({ currency }: { currency: string }) {
  const { client } = useHub();
  const toasts = useToasts();
  const approved = useApproval();
  const [session, setSession] = useState<DrawerSession | null | undefined>(undefined);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [counted, setCounted] = useState('');
  const [closed, setClosed] = useState<{ counted: number; expected: number; overShort: number } | null>(null);
  const money = (n: number) => formatMoney(n as Parameters<typeof formatMoney>[0], currency);

  const reload = useCallback(() => {
    client.get<{ session: DrawerSession | null }>('/api/drawer/session').then((r) => setSession(r.session), toasts.error);
  }, [client, toasts]);
  useEffect(reload, [reload]);

  const cents = parseAmount(amount);
  const act = async <T,>(label: string, run: (pin: { managerPin?: string }) => Promise<T>): Promise<T | null> => {
    const done = await approved(label, run);
    if (done !== null) {
      setAmount('');
      setReason('');
      reload();
    }
    return done;
  };

  if (session === undefined) return <p className="muted">Loading…</p>;
  return (
    <div className="drawer-session" role="region" aria-label="Cash drawer">
      {closed && (
        <p role="status" className="drawer-result" data-testid="over-short">
          Counted {money(closed.counted)} · expected {money(closed.expected)} ·{' '}
          <strong>{closed.overShort === 0 ? 'balanced' : closed.overShort > 0 ? `over ${money(closed.overShort)}` : `short ${money(-closed.overShort)}`}</strong>
        </p>
      )}
      {session === null ? (
        <section>
          <h3>Open the drawer</h3>
          <label>Float counted <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Float" /></label>
          <button type="button" className="btn btn-big btn-primary" disabled={cents === null}
            onClick={() => void act('Open the drawer', (pin) => client.command('drawer.openSession', { sessionId: newId(), amount: cents ?? 0, ...pin })).then((r) => r && setClosed(null))}>
            Open drawer with float
          </button>
        </section>
      ) : (
        <section>
          <h3>Drawer open since {new Date(session.openedAt).toLocaleTimeString()}</h3>
          <p>Float {money(session.float)}{session.expected !== null ? <> · expected now <span data-testid="expected">{money(session.expected)}</span></> : null}</p>
          <div className="drawer-inputs">
            <label>Amount <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Amount" /></label>
            <label>Reason <input value={reason} maxLength={140} onChange={(e) => setReason(e.target.value)} aria-label="Reason" /></label>
          </div>
          <div className="drawer-actions">
            {MOVEMENTS.map((m) => (
              <button key={m.name} type="button" className="btn btn-big" disabled={cents === null || cents <= 0 || reason.trim() === ''}
                onClick={() => void act(m.label, (pin) => client.command(m.name, { movementId: newId(), amount: cents ?? 0, reason: reason.trim(), ...pin }))}>
                {m.label}
              </button>
            ))}
          </div>
          {session.movements.length > 0 && (
            <ul className="drawer-movements">
              {session.movements.map((m) => <li key={m.id}>{m.kind.replace('_', ' ')} {money(m.amount)}{m.reason ? ` — ${m.reason}` : ''}</li>)}
            </ul>
          )}
          <h3>Close (count blind)</h3>
          <label>Cash counted <input inputMode="decimal" value={counted} onChange={(e) => setCounted(e.target.value)} aria-label="Cash counted" /></label>
          <button type="button" className="btn btn-big btn-primary" disabled={parseAmount(counted) === null}
            onClick={() => void act('Close the drawer', (pin) => client.command('drawer.closeSession', { sessionId: session.id, amount: parseAmount(counted) ?? 0, ...pin })).then((r) => {
              if (r) {
                setClosed(r);
                setCounted('');
              }
            })}>
            Close drawer
          </button>
        </section>
      )}
    </div>
  );
}
