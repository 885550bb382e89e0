/**
 * Prices a stored check with the model's `priceCheck`, the same function the POS runs, so
 * the screen and the store agree to the cent. The server never takes a figure from a screen.
 *
 * A line's price and tax rates are frozen when it is added (`FrozenLinePricing`): a menu
 * change later must not change what a table already ordered. To price with `priceCheck`
 * anyway, each stored line becomes a one-off menu item ("line:<id>") carrying its frozen
 * unit price (modifiers included) and tax rates; the dining option still picks among the
 * frozen rates, and discounts, comps, the promo code and the service charge apply as usual.
 */
import {
  type CheckInput, type CheckLineRequest, type CheckPart, type CheckTotals, type Comp, type DiningOption, type ItemId, type LineDiscount,
  type LineId, type MenuIndex, type MenuItem, type OrderDiscount, type PricedCheck, type PricedLine, type PromoCode,
  type ServiceChargeRule, type StationId, type TaxRate, type TaxRateId, indexMenu, priceCheck,
} from '@brigade/sync/model';
import type { checkLines, checks, orderLines } from '@brigade/sync/schema/sqlite';
import { orderReads } from '../hot-queries';
import type { Orm } from '../store-context';

/** What a line's price was made of when it was added. */
export interface FrozenLinePricing {
  readonly unitPrice: number;
  readonly soldByWeight: boolean;
  readonly stationId: string;
  readonly taxRateIds: readonly string[];
  readonly taxRateIdsByDiningOption?: Partial<Record<DiningOption, readonly string[]>>;
  readonly taxRates: readonly TaxRate[];
}

/** The promo code as applied: validated then, priced with its definition of then. */
export interface AppliedPromo {
  readonly code: string;
  readonly promo: PromoCode;
  readonly at: string;
}

export interface CheckSettings {
  readonly serviceCharge: ServiceChargeRule | null;
  readonly cashIncrement: number;
  readonly tipSuggestions: readonly number[];
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { serviceCharge: null, cashIncrement: 1, tipSuggestions: [1500, 1800, 2000] };

type LineRow = typeof orderLines.$inferSelect;
type CheckRow = typeof checks.$inferSelect;
type CheckLineRow = typeof checkLines.$inferSelect;

export function frozenPricingOf(index: MenuIndex, line: PricedLine): FrozenLinePricing {
  const item = index.items.get(line.itemId);
  if (!item) throw new Error(`item ${line.itemId} was priced but is not on the menu`);
  const ids = new Set<string>([...item.taxRateIds, ...Object.values(item.taxRateIdsByDiningOption ?? {}).flat()]);
  return {
    unitPrice: line.unitPrice,
    soldByWeight: item.soldByWeight === true,
    stationId: item.stationId,
    taxRateIds: item.taxRateIds,
    ...(item.taxRateIdsByDiningOption ? { taxRateIdsByDiningOption: item.taxRateIdsByDiningOption } : {}),
    taxRates: [...ids].flatMap((id) => {
      const rate = index.taxRates.get(id as TaxRateId);
      return rate ? [rate] : [];
    }),
  };
}

export function readCheckSettings(orm: Orm): CheckSettings {
  const row = orderReads(orm).checkSettingsRow.get();
  if (!row) return DEFAULT_CHECK_SETTINGS;
  return {
    serviceCharge: row.serviceCharge === null ? null : (JSON.parse(row.serviceCharge) as ServiceChargeRule),
    cashIncrement: row.cashIncrement,
    tipSuggestions: JSON.parse(row.tipSuggestions) as number[],
  };
}

export interface StoredCheck {
  readonly input: CheckInput;
  readonly index: MenuIndex;
  readonly priced: PricedCheck;
  /** The totals the order carries: the priced check's, or a split part's fixed ones. */
  readonly totals: CheckTotals;
  readonly check: CheckRow | undefined;
}

/**
 * Prices the check of `orderId` from its rows. `lines` are its non-voided line rows when the
 * caller already has them. A split child carries the totals fixed at the split; a split
 * parent owes nothing itself (its children are paid instead).
 */
export function priceStoredCheck(orm: Orm, menu: MenuIndex, orderId: string, lines?: readonly LineRow[]): StoredCheck {
  // Prepared once per connection (hot-queries.ts): every order change prices its check.
  const q = orderReads(orm);
  const order = q.orderDiningOption.get({ id: orderId });
  const rows = lines ?? q.activeLinesOfOrder.all({ id: orderId });
  const check = q.checkOfOrder.get({ id: orderId });
  const extras = new Map(q.checkLinesOfOrder.all({ id: orderId }).map((r) => [r.lineId, r]));
  const settings = readCheckSettings(orm);
  const { index, requests, originals } = frozenIndex(menu, rows, extras);
  const promo = check?.promoCode ? (JSON.parse(check.promoCode) as AppliedPromo) : undefined;
  const input: CheckInput = {
    lines: requests,
    ...(order ? { diningOption: order.diningOption } : {}),
    ...(check?.guests != null ? { guests: check.guests } : {}),
    orderDiscounts: check ? (JSON.parse(check.orderDiscounts) as OrderDiscount[]) : [],
    // Validity (dates, uses) was checked when the code was applied; the minimum spend still holds.
    ...(promo ? { promo: { promo: promo.promo, code: promo.code, uses: 0, at: promo.at } } : {}),
    ...(settings.serviceCharge ? { serviceCharge: settings.serviceCharge } : {}),
  };
  const raw = priceCheck(index, input);
  const priced: PricedCheck = {
    ...raw,
    lines: raw.lines.map((l) => {
      const original = originals.get(l.lineId);
      return original ? Object.assign({}, l, { itemId: original.itemId, modifiers: original.modifiers }) : l;
    }),
  };
  let totals = priced.totals;
  if (check?.splitPart) totals = (JSON.parse(check.splitPart) as CheckPart).totals;
  else if (check?.splitInto) totals = emptyTotals(priced.totals);
  return { input, index, priced, totals, check };
}

function emptyTotals(t: CheckTotals): CheckTotals {
  const zero = 0 as CheckTotals['total'];
  return {
    ...t, subtotal: zero, lineDiscounts: zero, comps: zero, orderDiscounts: zero, discount: zero, discountedSubtotal: zero,
    serviceCharge: zero, serviceChargeTax: zero, tax: zero, taxes: [], total: zero,
  };
}

function frozenIndex(menu: MenuIndex, rows: readonly LineRow[], extras: ReadonlyMap<string, CheckLineRow>): {
  index: MenuIndex; requests: CheckLineRequest[]; originals: Map<LineId, PricedLine>;
} {
  const items: MenuItem[] = [];
  const rates = new Map<string, TaxRate>(menu.menu.taxRates.map((r) => [r.id, r]));
  const requests: CheckLineRequest[] = [];
  const originals = new Map<LineId, PricedLine>();
  for (const row of rows) {
    const line = JSON.parse(row.priced) as PricedLine;
    const extra = extras.get(row.id);
    // Lines added by other paths (counter, kiosk, online) freeze on first pricing from the menu they were sold from.
    const frozen = extra ? (JSON.parse(extra.pricing) as FrozenLinePricing) : fallbackPricing(menu, line, row.stationId);
    for (const rate of frozen.taxRates) rates.set(rate.id, rate);
    const item = frozenItem(line, frozen);
    const itemId = item.id;
    items.push(item);
    originals.set(line.lineId, line);
    requests.push({
      lineId: line.lineId, itemId, quantity: line.quantity, modifierOptionIds: [],
      ...(line.weightGrams !== undefined ? { weightGrams: line.weightGrams } : {}),
      ...(line.note ? { note: line.note } : {}),
      ...(extra?.seat != null ? { seat: extra.seat } : {}),
      ...(extra?.discount ? { discount: JSON.parse(extra.discount) as LineDiscount } : {}),
      ...(extra?.comp ? { comp: JSON.parse(extra.comp) as Comp } : {}),
    });
  }
  const index = indexMenu({ ...menu.menu, items, modifierGroups: [], taxRates: [...rates.values()] });
  return { index, requests, originals };
}

/** A line without check data keeps the taxes it was priced with, at their rates on the menu. */
function fallbackPricing(menu: MenuIndex, line: PricedLine, stationId: string): FrozenLinePricing {
  const item = menu.items.get(line.itemId);
  if (item) return frozenPricingOf(menu, line);
  const ids = line.taxes.map((t) => t.taxRateId as string);
  return { unitPrice: line.unitPrice, soldByWeight: line.weightGrams !== undefined, stationId, taxRateIds: ids, taxRates: ids.flatMap((id) => menu.taxRates.get(id as TaxRateId) ?? []) };
}

/** The one-off menu item a stored line is priced as: its frozen unit price (modifiers included) and tax rates. */
function frozenItem(line: PricedLine, frozen: FrozenLinePricing): MenuItem {
  return {
    id: `line:${line.lineId}` as ItemId, categoryId: 'frozen' as MenuItem['categoryId'], name: line.name, description: '', price: line.unitPrice,
    taxRateIds: frozen.taxRateIds as TaxRateId[], stationId: frozen.stationId as StationId, modifierGroupIds: [], sortOrder: 0, active: true,
    ...(frozen.taxRateIdsByDiningOption ? { taxRateIdsByDiningOption: frozen.taxRateIdsByDiningOption as MenuItem['taxRateIdsByDiningOption'] } : {}),
    ...(frozen.soldByWeight ? { soldByWeight: true } : {}),
  };
}

/** A menu holding just one stored line's frozen item, to price that line again (a new quantity). */
export function frozenLineIndex(menu: MenuIndex, line: PricedLine, frozen: FrozenLinePricing): { index: MenuIndex; itemId: ItemId } {
  const item = frozenItem(line, frozen);
  const rates = new Map<string, TaxRate>(menu.menu.taxRates.map((r) => [r.id, r]));
  for (const rate of frozen.taxRates) rates.set(rate.id, rate);
  return { index: indexMenu({ ...menu.menu, items: [item], modifierGroups: [], taxRates: [...rates.values()] }), itemId: item.id };
}
