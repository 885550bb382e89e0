import type { KitchenTicket, KitchenTicketItem } from '@brigade/sync/model';
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

/** One station's part of an expo copy. */
export interface ExpoGroup {
  stationName: string;
  items: readonly KitchenTicketItem[];
}

type Encoder = ReturnType<typeof newEncoder>;

function heading(e: Encoder, ticket: KitchenTicket, title: string, opts: Omit<KitchenTicketOptions, 'stationName'>): void {
  if (opts.reprint) banner(e, 'REPRINT');
  if (opts.delta === 'added') banner(e, 'ADDED');
  if (opts.delta === 'voided') banner(e, 'VOID');
  e.align('center').bold(true).line(title.toUpperCase()).size(2, 2).line(ticket.orderNumber).size(1, 1).bold(false);
  const who = [ticket.tableLabel ? `Table ${ticket.tableLabel}` : null, ticket.customerName, ticket.channel === 'table' ? null : ticket.channel]
    .filter((p): p is string => Boolean(p))
    .join(' · ');
  e.line(who);
  e.line(`Fire ${ticket.fireSeq} · ${formatTime(ticket.createdAt, opts.timezone ?? 'UTC', opts.locale ?? 'en-GB', false)}`);
  e.align('left').rule();
}

function itemLine(e: Encoder, item: KitchenTicketItem, delta: KitchenTicketOptions['delta']): void {
  const voided = item.voided || delta === 'voided';
  e.bold(true).size(1, 2).line(`${voided ? 'VOID ' : ''}${item.quantity} x ${item.name}`).size(1, 1).bold(false);
  for (const m of item.modifiers) e.line(`    - ${m}`);
  if (item.note) e.line(`    ! ${item.note}`);
}

/**
 * Items grouped under "COURSE n" headings, courses in order and items in their order within
 * a course. An item without a course is in course 1. Course 1 gets a heading only when other
 * courses share the ticket: a plain fire of starters reads as it always did.
 */
function itemLines(e: Encoder, items: readonly KitchenTicketItem[], delta: KitchenTicketOptions['delta']): void {
  const courses = [...new Set(items.map((i) => i.course ?? 1))].sort((a, b) => a - b);
  for (const course of courses) {
    if (course !== 1 || courses.length > 1) e.invert(true).bold(true).line(` COURSE ${course} `).bold(false).invert(false);
    for (const item of items) if ((item.course ?? 1) === course) itemLine(e, item, delta);
  }
}

/** A station's ticket: big order number and items, modifiers and notes indented, voids marked. */
export function renderKitchenTicket(ticket: KitchenTicket, opts: KitchenTicketOptions): Uint8Array {
  const e = newEncoder(opts.profile ?? DEFAULT_PROFILE);
  heading(e, ticket, opts.stationName, opts);
  itemLines(e, ticket.items, opts.delta);
  e.rule();
  return e.cut('full').encode();
}

/**
 * The expo copy of one fire: every station's items under the station's name, so the pass
 * can check the whole order before it goes out. Same banners (REPRINT, ADDED, VOID).
 */
export function renderExpoTicket(ticket: KitchenTicket, groups: readonly ExpoGroup[], opts: Omit<KitchenTicketOptions, 'stationName'>): Uint8Array {
  const e = newEncoder(opts.profile ?? DEFAULT_PROFILE);
  heading(e, ticket, 'Expo', opts);
  for (const group of groups) {
    e.bold(true).line(`[${group.stationName}]`).bold(false);
    itemLines(e, group.items, opts.delta);
  }
  e.rule();
  return e.cut('full').encode();
}
