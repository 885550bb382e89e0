/** Manager actions on one order: void it, refund a payment, reprint its receipt. */
import { type Order, formatMoney, refundable, refundableTotal } from '@brigade/sync/model';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { ApprovalCancelled, useStaff } from './staff-session';
import { LineText } from './ticket-panel';

export function OrderActions({ order, onOrder }: { order: Order; onOrder: (order: Order) => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  const currency = order.totals.currency;

  const guarded = async (action: string, run: (managerPin: string | undefined) => Promise<Order | null>) => {
    try {
      const pin = await managerApproval(action);
      const updated = await run(pin);
      if (updated) onOrder(updated);
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
    }
  };
  const pin = (p: string | undefined) => (p ? { managerPin: p } : {});
  const finished = order.status === 'voided' || order.status === 'cancelled';
  const moneyKept = refundableTotal(order.payments) > 0;

  return (
    <div className="order-actions">
      <ul className="ticket-lines">
        {order.lines.map((line) => (
          <li key={line.lineId} className="line"><LineText line={line} currency={currency} /></li>
        ))}
      </ul>
      <div className="action-row">
        <button type="button" className="btn" onClick={() => void client.command('receipt.print', { orderId: order.id }).then(() => toasts.info('Receipt sent to the printer.'), toasts.error)}>
          Reprint receipt
        </button>
        {/* A void never keeps money (ORDER_HAS_PAYMENTS): the refunds below come first. */}
        {!finished && order.status !== 'completed' && moneyKept && (
          <span className="hint" data-testid="void-needs-refund">Refund the payments below, then void the order.</span>
        )}
        {!finished && order.status !== 'completed' && !moneyKept && (
          <button type="button" className="btn btn-danger" onClick={() => void guarded(`Void order ${order.number}`, async (p) =>
            (await client.command('order.void', { orderId: order.id, reason: 'Voided at the counter', ...pin(p) })).order)}>
            Void order
          </button>
        )}
        {/* What a tender can still give back: its amount and tip, less earlier refunds (the store's one rule). */}
        {order.payments.filter((p) => refundable(p) > 0).map((payment) => {
          const left = refundable(payment);
          return (
            <button key={payment.id} type="button" className="btn btn-danger" onClick={() => void guarded(`Refund ${formatMoney(left, currency)} (${payment.tender})`, async (p) =>
              (await client.command('payment.refund', { orderId: order.id, paymentId: payment.id, amount: left, reason: 'Refund at the counter', ...pin(p) })).order)}>
              Refund {payment.tender} {formatMoney(left, currency)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
