import type { KitchenTicket } from '@brigade/sync/model';
import { ageLevel, ageMs, formatAge } from './ticket-age';

/** Orders from the phone stand out: "ONLINE" for pickup, "TABLE 12" for a QR table order. */
export function ticketTag(ticket: Pick<KitchenTicket, 'channel' | 'tableLabel'>): string | null {
  if (ticket.channel === 'table') return ticket.tableLabel ? `TABLE ${ticket.tableLabel}` : 'TABLE';
  if (ticket.channel === 'online') return 'ONLINE';
  return null;
}

export const CHANNEL_LABEL: Record<KitchenTicket['channel'], string> = { counter: 'Counter', kiosk: 'Kiosk', online: 'Online', table: 'Table' };

interface Props {
  ticket: KitchenTicket;
  now: number;
  /** Expo shows which station each ticket belongs to. */
  stationLabel: string | null;
  onBump: (ticket: KitchenTicket) => void;
}

/** One ticket; tapping anywhere on it bumps it (Enter or Space from the keyboard). */
export function TicketCard({ ticket, now, stationLabel, onBump }: Props) {
  const age = ageMs(ticket.createdAt, now);
  const level = ageLevel(age);
  const where = ticket.tableLabel ? `Table ${ticket.tableLabel}` : CHANNEL_LABEL[ticket.channel];
  const tag = ticketTag(ticket);
  return (
    <button type="button" className={`ticket-card age-${level}`} data-order-number={ticket.orderNumber} data-station={ticket.stationId}
      aria-label={`Order ${ticket.orderNumber}, ${where}, ${formatAge(age)} old. Bump.`} onClick={() => onBump(ticket)}>
      <span className="ticket-head">
        <span className="ticket-number">{ticket.orderNumber}</span>
        {tag && <span className={`ticket-tag ticket-tag-${ticket.channel}`} data-testid="ticket-tag">{tag}</span>}
        <span className="ticket-timer" data-level={level}>{formatAge(age)}</span>
      </span>
      <span className="ticket-meta">
        {where}{ticket.customerName ? ` · ${ticket.customerName}` : ''}{ticket.fireSeq > 1 ? ` · fire ${ticket.fireSeq}` : ''}{stationLabel ? ` · ${stationLabel}` : ''}
      </span>
      <span className="ticket-items">
        {ticket.items.map((item) => (
          <span key={item.lineId} className={item.voided ? 'ticket-item voided' : 'ticket-item'}>
            <span className="ticket-item-name">{item.quantity} × {item.name}{item.voided ? ' (VOID)' : ''}</span>
            {item.modifiers.map((m) => <span key={m} className="ticket-mod">{m}</span>)}
            {item.note && <span className="ticket-note">“{item.note}”</span>}
          </span>
        ))}
      </span>
      <span className="ticket-bump" aria-hidden="true">Tap to bump</span>
    </button>
  );
}
