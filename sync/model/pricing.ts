/**
 * The pricing engine: pure, shared by the screens and the servers, so a screen shows the
 * totals the server computes. The server never trusts prices sent by a client: it prices
 * the order again from its own menu.
 *
 * Rounding rules (written down because tax authorities care):
 * 1. Tax is computed per line and per rate, then summed ("line-level rounding").
 * 2. Exclusive tax: tax = round(lineNet × rate / 10 000).
 * 3. Inclusive tax: net = round(lineGross × 10 000 / (10 000 + Σ rates)); the tax is
 *    gross − net, split across the rates in proportion by largest remainder (allocation.ts),
 *    so the parts always add up to the line's tax to the cent and none is negative.
 *    (Giving the remainder to the last rate, as first written, could make a 0 % rate's
 *    share negative when the other shares rounded up.)
 * 4. Items sold by weight: lineGross = round(pricePerKg × grams / 1000).
 * 5. `round` is half away from zero (`divRound`).
 * 6. An item's tax rates may depend on the dining option (eat in, take out, delivery):
 *    see dining-option-tax.ts. Discounts, service charges, tips and splits: check-pricing.ts.
 * 7. The sale context (channel, time, store time zone) picks the channel's price and
 *    refuses items outside their dayparts; combos add their components' upcharges
 *    (menu-combos.ts); nested modifiers are checked in menu-modifiers.ts. Without a
 *    context the base price applies and no daypart is checked (re-pricing stored lines).
 */
import { allocateProRata } from './allocation';
import { taxRateIdsFor } from './dining-option-tax';
import { BrigadeError } from './errors';
import type { ItemId, LineId, ModifierOptionId, TaxRateId } from './ids';
import type { MenuIndex, MenuItem, TaxRate, Unavailable } from './menu';
import { type ComboComponentRequest, type PricedComponent, resolveComponents } from './menu-combos';
import { describeServingTimes, isItemServedAt } from './menu-dayparts';
import { type PricedModifier, resolveModifiers } from './menu-modifiers';
import type { DiningOption, OrderChannel } from './order';
import { type Cents, cents, divRound } from './money';

export const MAX_QUANTITY = 999;
export const MAX_WEIGHT_GRAMS = 100_000;
export const MAX_LINES_PER_ORDER = 200;

/** What a screen asks for: the item, how many, which choices. No prices. */
export interface LineRequest {
  readonly lineId: LineId;
  readonly itemId: ItemId;
  readonly quantity: number;
  readonly modifierOptionIds: readonly ModifierOptionId[];
  /** For items sold by weight: a stable scale reading in grams (quantity is then 1). */
  readonly weightGrams?: number;
  readonly note?: string;
  /** For a combo: one pick per slot (main, side, drink). */
  readonly components?: readonly ComboComponentRequest[];
}

export type { PricedModifier } from './menu-modifiers';

/** Where and when a sale happens: picks channel prices and checks dayparts. */
export interface SaleContext {
  readonly channel?: OrderChannel;
  readonly at?: Date | string | number;
  /** The store's IANA time zone; dayparts are wall-clock times there. Default UTC. */
  readonly timeZone?: string;
}

/** The item's price on a channel: its channel price if it has one, else its price. */
export function itemPriceFor(item: MenuItem, channel?: OrderChannel): Cents {
  return (channel !== undefined ? item.channelPrices?.[channel] : undefined) ?? item.price;
}

/** Refuses an item outside its dayparts when the sale has a time. */
export function checkServedNow(index: MenuIndex, item: MenuItem, sale?: SaleContext): void {
  if (sale?.at === undefined) return;
  if (!isItemServedAt(index.menu.dayparts, item, sale.at, sale.timeZone ?? 'UTC')) {
    throw new BrigadeError('ITEM_NOT_AVAILABLE_NOW', `${item.name} is served ${describeServingTimes(index.menu.dayparts, item)}.`, { itemId: item.id });
  }
}

export interface LineTax {
  readonly taxRateId: TaxRateId;
  readonly amount: Cents;
}

export interface PricedLine {
  readonly lineId: LineId;
  readonly itemId: ItemId;
  readonly name: string;
  readonly quantity: number;
  readonly weightGrams?: number;
  readonly modifiers: readonly PricedModifier[];
  /** On a combo line: the chosen components, in slot order. */
  readonly components?: readonly PricedComponent[];
  readonly note?: string;
  /** Item price plus modifier deltas, for one unit (per kg for weighed items). */
  readonly unitPrice: Cents;
  /** What the line costs as shown on the shelf (gross if tax-inclusive, net otherwise). */
  readonly lineAmount: Cents;
  readonly taxes: readonly LineTax[];
  readonly tax: Cents;
  /** lineAmount + tax when exclusive; lineAmount when inclusive. */
  readonly lineTotal: Cents;
}

export interface TaxSummary {
  readonly taxRateId: TaxRateId;
  readonly name: string;
  readonly rateBps: number;
  readonly amount: Cents;
}

export interface OrderTotals {
  readonly currency: string;
  readonly taxInclusive: boolean;
  /** Σ lineAmount. */
  readonly subtotal: Cents;
  readonly tax: Cents;
  readonly taxes: readonly TaxSummary[];
  /** What the customer pays. */
  readonly total: Cents;
}

export interface PricedOrder {
  readonly lines: readonly PricedLine[];
  readonly totals: OrderTotals;
}

/**
 * Validates one line against the menu and prices it. Throws BrigadeError on bad input.
 * Without a dining option the item's default `taxRateIds` apply.
 */
export function priceLine(
  index: MenuIndex,
  request: LineRequest,
  unavailable: Unavailable = new Set(),
  diningOption?: DiningOption,
  sale?: SaleContext,
): PricedLine {
  const item = index.items.get(request.itemId);
  if (!item || !item.active) throw new BrigadeError('ITEM_UNKNOWN', undefined, { itemId: request.itemId });
  if (unavailable.has(item.id)) throw new BrigadeError('ITEM_UNAVAILABLE', `${item.name} is sold out (86).`, { itemId: item.id });
  checkServedNow(index, item, sale);
  checkQuantity(item, request);
  const modifiers = resolveModifiers(index, item, request.modifierOptionIds);
  const components = resolveComponents(index, item, request.components, unavailable, (c) => checkServedNow(index, c, sale));
  const extras = [...modifiers.map((m) => m.priceDelta), ...components.map((c) => c.amount)];
  const unitPrice = cents(itemPriceFor(item, sale?.channel) + extras.reduce((sum, d) => sum + d, 0));
  const lineAmount = item.soldByWeight
    ? cents(divRound(unitPrice * (request.weightGrams ?? 0), 1000))
    : cents(unitPrice * request.quantity);
  const rates = resolveTaxRates(index, item, diningOption);
  const taxes = computeLineTaxes(lineAmount, rates, index.menu.taxInclusive);
  const tax = cents(taxes.reduce((sum, t) => sum + t.amount, 0));
  return {
    lineId: request.lineId,
    itemId: item.id,
    name: item.name,
    quantity: request.quantity,
    ...(request.weightGrams !== undefined ? { weightGrams: request.weightGrams } : {}),
    modifiers,
    ...(components.length > 0 ? { components } : {}),
    ...(request.note ? { note: request.note } : {}),
    unitPrice,
    lineAmount,
    taxes,
    tax,
    lineTotal: index.menu.taxInclusive ? lineAmount : cents(lineAmount + tax),
  };
}

/** The tax rates that apply to `item` when sold for `diningOption`, checked against the menu. */
export function resolveTaxRates(index: MenuIndex, item: MenuItem, diningOption?: DiningOption): TaxRate[] {
  return taxRateIdsFor(item, diningOption).map((id) => {
    const rate = index.taxRates.get(id);
    if (!rate) throw new BrigadeError('ITEM_UNKNOWN', `Tax rate ${id} of ${item.name} is missing from the menu.`);
    return rate;
  });
}

/** Prices a whole order. Results do not depend on the order of the lines. */
export function priceOrder(
  index: MenuIndex,
  requests: readonly LineRequest[],
  unavailable: Unavailable = new Set(),
  diningOption?: DiningOption,
  sale?: SaleContext,
): PricedOrder {
  if (requests.length > MAX_LINES_PER_ORDER) throw new BrigadeError('QUANTITY_INVALID', `An order can hold at most ${MAX_LINES_PER_ORDER} lines.`);
  const lines = requests.map((r) => priceLine(index, r, unavailable, diningOption, sale));
  return { lines, totals: totalLines(index, lines) };
}

/** Totals of already-priced lines (voided lines are left out by the caller). */
export function totalLines(index: MenuIndex, lines: readonly PricedLine[]): OrderTotals {
  const byRate = new Map<TaxRateId, number>();
  let subtotal = 0;
  for (const line of lines) {
    subtotal += line.lineAmount;
    for (const t of line.taxes) byRate.set(t.taxRateId, (byRate.get(t.taxRateId) ?? 0) + t.amount);
  }
  const taxes = summariseTaxes(index, byRate);
  const tax = taxes.reduce((sum, t) => sum + t.amount, 0);
  const inclusive = index.menu.taxInclusive;
  return {
    currency: index.menu.currency,
    taxInclusive: inclusive,
    subtotal: cents(subtotal),
    tax: cents(tax),
    taxes,
    total: cents(inclusive ? subtotal : subtotal + tax),
  };
}

/** Per-rate tax totals with the rates' names, sorted by rate id so line order never matters. */
export function summariseTaxes(index: MenuIndex, byRate: ReadonlyMap<TaxRateId, number>): TaxSummary[] {
  return [...byRate.entries()]
    .map(([taxRateId, amount]) => {
      const rate = index.taxRates.get(taxRateId);
      return { taxRateId, name: rate?.name ?? taxRateId, rateBps: rate?.rateBps ?? 0, amount: cents(amount) };
    })
    .sort((a, b) => (a.taxRateId < b.taxRateId ? -1 : a.taxRateId > b.taxRateId ? 1 : 0));
}

export function computeLineTaxes(amount: Cents, rates: readonly { id: TaxRateId; rateBps: number }[], inclusive: boolean): LineTax[] {
  if (rates.length === 0) return [];
  if (!inclusive) return rates.map((r) => ({ taxRateId: r.id, amount: cents(divRound(amount * r.rateBps, 10_000)) }));
  const totalBps = rates.reduce((sum, r) => sum + r.rateBps, 0);
  if (totalBps === 0) return rates.map((r) => ({ taxRateId: r.id, amount: cents(0) }));
  const net = divRound(amount * 10_000, 10_000 + totalBps);
  const parts = allocateProRata(amount - net, rates.map((r) => r.rateBps));
  return rates.map((r, i) => ({ taxRateId: r.id, amount: cents(parts[i] ?? 0) }));
}

function checkQuantity(item: MenuItem, request: LineRequest): void {
  const q = request.quantity;
  if (!Number.isInteger(q) || q < 1 || q > MAX_QUANTITY) {
    throw new BrigadeError('QUANTITY_INVALID', `Quantity must be a whole number from 1 to ${MAX_QUANTITY}.`);
  }
  if (item.soldByWeight) {
    const g = request.weightGrams;
    if (q !== 1 || g === undefined || !Number.isInteger(g) || g < 1 || g > MAX_WEIGHT_GRAMS) {
      throw new BrigadeError('QUANTITY_INVALID', `${item.name} is sold by weight: weigh it on the scale.`);
    }
  } else if (request.weightGrams !== undefined) {
    throw new BrigadeError('QUANTITY_INVALID', `${item.name} is not sold by weight.`);
  }
}
