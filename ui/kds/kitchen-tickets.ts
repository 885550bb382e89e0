/** The KDS's view of its tickets: which are open, what to recall, and the all-day counts. */
import type { KitchenTicket } from '@brigade/sync/model';

export interface TicketBoard {
  open: KitchenTicket[];
  /** Bumped tickets, most recently bumped first: the head is what "Recall" brings back. */
  bumped: KitchenTicket[];
}

export const emptyBoard: TicketBoard = { open: [], bumped: [] };
// Deep enough for expo to see which stations already finished the orders still open.
const RECALL_DEPTH = 100;

const byAge = (a: KitchenTicket, b: KitchenTicket) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.fireSeq - b.fireSeq);
const byBump = (a: KitchenTicket, b: KitchenTicket) => ((a.bumpedAt ?? '') < (b.bumpedAt ?? '') ? 1 : (a.bumpedAt ?? '') > (b.bumpedAt ?? '') ? -1 : 0);

export function shows(stationId: string | null, ticket: KitchenTicket): boolean {
  return stationId === null || ticket.stationId === stationId;
}

/** Applies one ticket as the hub now has it (from a fetch or a `ticket.updated` event). */
export function applyTicket(board: TicketBoard, ticket: KitchenTicket): TicketBoard {
  const open = board.open.filter((t) => t.id !== ticket.id);
  const bumped = board.bumped.filter((t) => t.id !== ticket.id);
  if (ticket.status === 'new') open.push(ticket);
  else bumped.push(ticket);
  return { open: open.sort(byAge), bumped: bumped.sort(byBump).slice(0, RECALL_DEPTH) };
}

export function boardFrom(tickets: readonly KitchenTicket[]): TicketBoard {
  return tickets.reduce(applyTicket, emptyBoard);
}

export interface AllDayCount {
  name: string;
  quantity: number;
}

/** Items still to make at this station, summed across open tickets (voided lines left out). */
export function allDayCounts(open: readonly KitchenTicket[]): AllDayCount[] {
  const counts = new Map<string, number>();
  for (const ticket of open) for (const item of ticket.items) if (!item.voided) counts.set(item.name, (counts.get(item.name) ?? 0) + item.quantity);
  return [...counts.entries()].map(([name, quantity]) => ({ name, quantity })).sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
