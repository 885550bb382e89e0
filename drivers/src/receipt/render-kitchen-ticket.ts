import type { KitchenTicket } from '@brigade/sync/model';
import { DEFAULT_PROFILE, type PrinterProfile, banner, formatTime, newEncoder } from './printer-profile';

export interface KitchenTicketOptions {
  stationName: string;
  reprint?: boolean;
  /** A change to an order already in the kitchen: only the added or voided items print. */
  delta?: 'added' | 'voided';
  profile?: PrinterProfile;
  timezone?: string;
  locale?: string;
}

/** A station's ticket: big order number and items, modifiers and notes indented, voids marked. */
export function renderKitchenTicket(ticket: KitchenTicket, opts: KitchenTicketOptions): Uint8Array {
  const e = newEncoder(opts.profile ?? DEFAULT_PROFILE);
  if (opts.reprint) banner(e, 'REPRINT');
  if (opts.delta === 'added') banner(e, 'ADDED');
  if (opts.delta === 'voided') banner(e, 'VOID');
  e.align('center').bold(true).line(opts.stationName.toUpperCase()).size(2, 2).line(ticket.orderNumber).size(1, 1).bold(false);
  const who = [ticket.tableLabel ? `Table ${ticket.tableLabel}` : null, ticket.customerName, ticket.channel === 'table' ? null : ticket.channel]
    .filter((p): p is string => Boolean(p))
    .join(' · ');
  e.line(who);
  e.line(`Fire ${ticket.fireSeq} · ${formatTime(ticket.createdAt, opts.timezone ?? 'UTC', opts.locale ?? 'en-GB', false)}`);
  e.align('left').rule();
  for (const item of ticket.items) {
    const voided = item.voided || opts.delta === 'voided';
    e.bold(true).size(1, 2).line(`${voided ? 'VOID ' : ''}${item.quantity} x ${item.name}`).size(1, 1).bold(false);
    for (const m of item.modifiers) e.line(`    - ${m}`);
    if (item.note) e.line(`    ! ${item.note}`);
  }
  e.rule();
  return e.cut('full').encode();
}
