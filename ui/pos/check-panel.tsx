/**
 * One table check: the menu on the left; on the right its lines by seat with their course
 * and kitchen state, the totals the hub priced with the model's `priceCheck`, and the table
 * actions (send, fire a course, split by seat or evenly, pay each part with a tip). Every
 * change is a command on one line, so two terminals on one check never undo each other.
 */
import { type ComboComponentRequest, type MenuItem, type Order, type Payment, cents, formatMoney, newId, tipAmount } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import type { CheckLineInfo, CheckView } from '../shared/check-types';
import { Dialog } from '../shared/dialog';
import { useHub, useHubEvents } from '../shared/hub-context';
import { MenuBrowser } from '../shared/menu-browser';
import { ComboPicker } from '../shared/combo-picker';
import { ModifierPicker } from '../shared/modifier-picker';
import { RetryMemo } from '../shared/retry-memo';
import { useToasts } from '../shared/toasts';
import { TotalsView } from '../shared/totals-view';
import type { LiveMenu } from '../shared/use-menu';
import { CheckAdjustments, LineAdjustments } from './check-adjustments';
import { CheckTransfer } from './check-transfer';
import { REGISTER_SALE } from './register-sale';
import { TenderDialog } from './tender-dialog';

interface Props {
  menu: LiveMenu;
  orderId: string;
  onBack: () => void;
}

const COURSES = [1, 2, 3];

export function CheckPanel({ menu, orderId, onBack }: Props) {
  const { client } = useHub();
  const toasts = useToasts();
  const [check, setCheck] = useState<CheckView | null>(null);
  const [children, setChildren] = useState<CheckView[]>([]);
  const [seat, setSeat] = useState<number | null>(1);
  const [course, setCourse] = useState(1);
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const [paying, setPaying] = useState<{ order: Order; tipBps: number | null } | null>(null);
  const [memo] = useState(() => new RetryMemo());
  const [moving, setMoving] = useState(false);
  const load = useCallback(() => {
    client.get<{ check: CheckView }>(`/api/checks/${orderId}`)
      .then(async ({ check: loaded }) => {
        setCheck(loaded);
        setChildren(await Promise.all(loaded.splitInto.map(async (id) => (await client.get<{ check: CheckView }>(`/api/checks/${id}`)).check)));
      })
      .catch((error: unknown) => toasts.error(error));
  }, [client, orderId, toasts]);
  useEffect(load, [load]);
  useHubEvents((event) => {
    if (event.type === 'order.updated' && (event.order.id === orderId || check?.splitInto.includes(event.order.id))) load();
  });
  const onPaid = useCallback((_order: Order, _payment: Payment) => load(), [load]);
  const { index, unavailable } = menu;
  if (!index || !check) return <p className="loading">Loading the check…</p>;
  const currency = index.menu.currency;
  // The check's own channel, fixed when it was opened: the hub prices its lines at it.
  const channel = check.priceChannel ?? REGISTER_SALE.channel;
  const money = (c: number) => formatMoney(cents(c), currency);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      load();
    } catch (error) {
      toasts.error(error);
    }
  };
  const add = (item: MenuItem, modifierOptionIds: string[], quantity: number, components?: ComboComponentRequest[]) => act(() => client.command('check.addLines', {
    orderId,
    lines: [{
      lineId: newId(), itemId: item.id, quantity, modifierOptionIds, ...(seat !== null ? { seat } : {}), course,
      ...(components ? { components: components.map((c) => ({ ...c, modifierOptionIds: [...c.modifierOptionIds] })) } : {}),
    }],
  }));
  const pick = (item: MenuItem) => {
    if (item.soldByWeight) return toasts.info('Weighed items are sold at the register.');
    if (item.modifierGroupIds.length > 0 || item.combo) setPicking(item);
    else void add(item, [], 1);
  };
  const seats = Array.from({ length: Math.max(check.guests ?? 1, 1) }, (_, i) => i + 1);
  const heldCourses = [...new Set(check.lines.filter((l) => l.held).map((l) => l.course))].sort((a, b) => a - b);
  const priced = new Map(check.priced.lines.map((l) => [l.lineId as string, l]));
  const bySeat = new Map<number | null, CheckLineInfo[]>();
  for (const line of check.lines) bySeat.set(line.seat, [...(bySeat.get(line.seat) ?? []), line]);
  const seatParts = [...bySeat.entries()].filter(([, ls]) => ls.some((l) => !l.voided)).length;
  const split = check.splitInto.length > 0;
  // A part of an even split holds no lines of its own; it sends the ones left here.
  const evenPart = split && check.lines.some((l) => !l.voided) ? check.splitInto[0] ?? null : null;
  const unsent = check.lines.some((l) => !l.voided && l.firedIn === null && !l.held);
  const due = check.totals.total - check.order.paid;

  const payOrder = async (id: string) => {
    const { order } = await client.get<{ order: Order }>(`/api/orders/${id}`);
    setPaying({ order, tipBps: null });
  };

  return (
    <div className="register check">
      <MenuBrowser index={index} unavailable={unavailable} onPick={pick} withoutWeighed channel={channel} />
      <aside className="ticket check-panel" aria-label={`Check ${check.order.number}`}>
        <header className="check-head">
          <button type="button" className="btn" onClick={onBack}>Floor</button>
          <h2>{check.tableLabel ? `Table ${check.tableLabel}` : check.tabName} · {check.guests ?? 1} guests · {check.order.number}</h2>
        </header>
        {!split && (
          <>
            <div role="radiogroup" aria-label="Seat" className="chips">
              {[...seats, null].map((s) => (
                <button key={s ?? 'table'} type="button" role="radio" aria-checked={seat === s} className="btn" onClick={() => setSeat(s)}>{s === null ? 'Table' : `Seat ${s}`}</button>
              ))}
            </div>
            <div role="radiogroup" aria-label="Course" className="chips">
              {COURSES.map((c) => (
                <button key={c} type="button" role="radio" aria-checked={course === c} className="btn" onClick={() => setCourse(c)}>{`Course ${c}`}</button>
              ))}
            </div>
          </>
        )}
        <ul className="check-lines" aria-label="Lines">
          {[...bySeat.entries()].sort(([a], [b]) => (a ?? 100) - (b ?? 100)).map(([s, lines]) => (
            <li key={s ?? 'table'}>
              <h3>{s === null ? 'Table' : `Seat ${s}`}</h3>
              <ul>
                {lines.map((line) => {
                  const p = priced.get(line.lineId);
                  const stored = check.order.lines.find((l) => l.lineId === line.lineId);
                  const state = line.voided ? 'void' : line.held ? 'held' : line.firedIn !== null ? 'sent' : 'new';
                  return (
                    <li key={line.lineId} className={`check-line ${state}`} aria-label={`${stored?.quantity ?? 1}x ${stored?.name ?? ''}, course ${line.course}, ${state}`}>
                      <span>{stored?.quantity ?? 1}x {stored?.name}</span>
                      <span className="muted">C{line.course} · {state}</span>
                      <span>{p ? money(p.lineTotal) : ''}</span>
                      {!split && state === 'new' && stored && (
                        <button type="button" className="btn" aria-label={`One more ${stored.name}`} onClick={() => void act(() => client.command('check.setQuantity', { orderId, lineId: line.lineId, quantity: stored.quantity + 1 }))}>+</button>
                      )}
                      {!split && stored && <LineAdjustments orderId={orderId} line={line} name={stored.name} onChanged={load} />}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {check.totals.discount > 0 && <p className="muted" data-testid="check-discount">{`Discounts and comps −${money(check.totals.discount)}`}</p>}
        {check.totals.serviceCharge > 0 && <p className="muted" data-testid="service-charge">{`Service charge ${money(check.totals.serviceCharge)}`}</p>}
        <TotalsView totals={check.totals} />
        {!split && <CheckAdjustments check={check} onChanged={load} />}
        {!split && (
          <div className="check-actions">
            <button type="button" className="btn" onClick={() => void act(() => client.command('order.fire', { orderId }))}>Send</button>
            <button type="button" className="btn" disabled={check.order.paid > 0} onClick={() => setMoving(true)}>Move or merge</button>
            {heldCourses.map((c) => (
              <button key={c} type="button" className="btn" onClick={() => void act(() => client.command('course.fire', { orderId, course: c }))}>{`Fire course ${c}`}</button>
            ))}
            <button type="button" className="btn" disabled={seatParts < 2 || check.order.paid > 0}
              onClick={() => void act(() => client.command('check.split', { orderId, mode: 'seat', childOrderIds: Array.from({ length: seatParts }, () => newId()) }))}>Split by seat</button>
            <button type="button" className="btn" disabled={check.order.paid > 0}
              onClick={() => void act(() => client.command('check.split', { orderId, mode: 'even', childOrderIds: [newId(), newId()] }))}>Split in 2</button>
            <button type="button" className="btn btn-primary" disabled={due <= 0} onClick={() => void payOrder(orderId)}>{`Pay ${money(due)}`}</button>
          </div>
        )}
        {split && evenPart && (unsent || heldCourses.length > 0) && (
          // An even split keeps the lines here: a part sends them (the hub fires them once).
          <div className="check-actions">
            {unsent && <button type="button" className="btn" onClick={() => void act(() => client.command('order.fire', { orderId: evenPart }))}>Send</button>}
            {heldCourses.map((c) => (
              <button key={c} type="button" className="btn" onClick={() => void act(() => client.command('course.fire', { orderId: evenPart, course: c }))}>{`Fire course ${c}`}</button>
            ))}
          </div>
        )}
        {split && (
          <ul className="split-parts" aria-label="Split checks">
            {children.map((child) => {
              const left = child.totals.total - child.order.paid;
              return (
                <li key={child.orderId}>
                  <span>{child.splitLabel} · {money(child.totals.total)}</span>
                  {left > 0
                    ? <button type="button" className="btn btn-primary" onClick={() => void payOrder(child.orderId)}>{`Pay ${child.splitLabel ?? ''}`}</button>
                    : <span className="paid">Paid</span>}
                </li>
              );
            })}
          </ul>
        )}
      </aside>
      {picking?.combo && (
        <ComboPicker index={index} combo={picking} unavailable={unavailable} channel={channel} onClose={() => setPicking(null)}
          onAdd={(components, quantity) => { const item = picking; setPicking(null); void add(item, [], quantity, components); }} />
      )}
      {moving && <CheckTransfer check={check} onChanged={load} onClose={() => setMoving(false)} />}
      {picking && !picking.combo && (
        <ModifierPicker index={index} item={picking} channel={channel} onClose={() => setPicking(null)}
          onAdd={(ids, quantity) => { const item = picking; setPicking(null); void add(item, ids, quantity); }} />
      )}
      {paying && paying.tipBps === null && (
        <Dialog title="Tip" onClose={() => setPaying(null)}>
          <TipChooser suggestions={check.tipSuggestions} order={paying.order} money={money} onChange={(tipBps) => setPaying({ ...paying, tipBps })} />
        </Dialog>
      )}
      {paying && paying.tipBps !== null && (
        <TenderDialog order={paying.order} memo={memo} onPaid={onPaid} onClose={() => setPaying(null)}
          onOrder={(discounted) => { setPaying({ ...paying, order: discounted }); load(); }}
          tip={tipAmount({ kind: 'percent', bps: paying.tipBps, base: 'pre_tax' }, cents(paying.order.totals.total - paying.order.paid), paying.order.totals)} />
      )}
    </div>
  );
}

/** Tip on the POS: a suggested percentage of the pre-tax check (the model's `tipAmount`). */
function TipChooser({ suggestions, order, money, onChange }: {
  suggestions: readonly number[]; order: Order; money: (c: number) => string; onChange: (bps: number) => void;
}) {
  const paying = cents(order.totals.total - order.paid);
  return (
    <div className="tip-chooser" role="group" aria-label="Tip">
      {[0, ...suggestions].map((bps) => (
        <button key={bps} type="button" className="btn btn-big" onClick={() => onChange(bps)}>
          {bps === 0 ? 'No tip' : `${bps / 100}% · ${money(tipAmount({ kind: 'percent', bps, base: 'pre_tax' }, paying, order.totals))}`}
        </button>
      ))}
    </div>
  );
}
