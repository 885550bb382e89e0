/**
 * Changing prices on a table check: a line discount, a comp or a void (a manager approves
 * those two), the party size, and a promo code. Each is one command on the hub; the check
 * that comes back is priced by the model, so the screen shows what the customer will pay.
 */
import { useState } from 'react';
import type { CheckLineInfo, CheckView } from '../shared/check-types';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { ApprovalCancelled, useStaff } from './staff-session';
import { useApproval } from './use-approval';

/** Runs a change, asking for a manager first when `approval` names the action. */
function useCheckAction(onChanged: () => void): (run: (pin: { managerPin?: string }) => Promise<unknown>, approval?: string) => Promise<void> {
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  return async (run, approval) => {
    try {
      const pin = approval ? await managerApproval(approval) : undefined;
      await run(pin ? { managerPin: pin } : {});
      onChanged();
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
    }
  };
}

export function LineAdjustments({ orderId, line, name, onChanged }: { orderId: string; line: CheckLineInfo; name: string; onChanged: () => void }) {
  const { client } = useHub();
  const act = useCheckAction(onChanged);
  // Discounts ask for a PIN only when the hub says this person may not give them.
  const approved = useApproval();
  if (line.voided) return null;
  return (
    <span className="line-actions">
      {line.comp === null && (
        <button type="button" className="btn" aria-label={line.discount ? `Remove discount on ${name}` : `10% off ${name}`}
          onClick={() => void approved(`Discount ${name}`, (pin) => client.command('check.discountLine', {
            orderId, lineId: line.lineId, discount: line.discount ? null : { name: '10% off', value: { kind: 'percent', bps: 1000 } }, ...pin,
          })).then((done) => done && onChanged())}>{line.discount ? 'Full price' : '−10%'}</button>
      )}
      {line.discount === null && (
        <button type="button" className="btn" aria-label={line.comp ? `Charge ${name} again` : `Comp ${name}`}
          onClick={() => void act((pin) => client.command('check.compLine', { orderId, lineId: line.lineId, comp: line.comp ? null : { reason: 'Comped at the table' }, ...pin }), `Comp ${name}`)}>
          {line.comp ? 'Charge' : 'Comp'}
        </button>
      )}
      <button type="button" className="btn btn-danger" aria-label={`Void ${name}`}
        onClick={() => void act((pin) => client.command('order.voidLine', { orderId, lineId: line.lineId, reason: 'Voided at the table', ...pin }), `Void ${name}`)}>Void</button>
    </span>
  );
}

export function CheckAdjustments({ check, onChanged }: { check: CheckView; onChanged: () => void }) {
  const { client } = useHub();
  const act = useCheckAction(onChanged);
  const [code, setCode] = useState('');
  const guests = check.guests ?? 1;
  return (
    <div className="check-adjustments">
      <div role="group" aria-label="Party size" className="chips">
        <button type="button" className="btn" aria-label="One guest fewer" disabled={guests <= 1}
          onClick={() => void act(() => client.command('check.update', { orderId: check.orderId, guests: guests - 1 }))}>−</button>
        <span>{guests} guests</span>
        <button type="button" className="btn" aria-label="One guest more"
          onClick={() => void act(() => client.command('check.update', { orderId: check.orderId, guests: guests + 1 }))}>+</button>
      </div>
      <form className="chips" aria-label="Promo code" onSubmit={(e) => {
        e.preventDefault();
        void act(() => client.command('check.applyPromo', { orderId: check.orderId, code: code.trim() || null }));
      }}>
        <input value={code} maxLength={40} placeholder={check.promoCode ?? 'Promo code'} aria-label="Promo code" onChange={(e) => setCode(e.target.value)} />
        <button type="submit" className="btn">{code.trim() ? 'Apply' : check.promoCode ? 'Remove code' : 'Apply'}</button>
      </form>
    </div>
  );
}
