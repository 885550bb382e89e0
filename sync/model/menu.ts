import type { CategoryId, ItemId, ModifierGroupId, ModifierOptionId, StationId, TaxRateId } from './ids';
import type { Cents, CurrencyCode } from './money';
import type { ComboDefinition } from './menu-combos';
import type { Daypart, DaypartId } from './menu-dayparts';
import type { DiningOption, OrderChannel } from './order';

/** A tax rate in basis points: 800 = 8 %. */
export interface TaxRate {
  readonly id: TaxRateId;
  readonly name: string;
  readonly rateBps: number;
}

export interface ModifierOption {
  readonly id: ModifierOptionId;
  readonly name: string;
  /** Added to the item's unit price (may be 0, never negative). */
  readonly priceDelta: Cents;
  readonly isDefault?: boolean;
  /**
   * Nested modifiers: choosing this option opens these groups (e.g. "Side salad" opens
   * "Dressing"). Their min/max apply only while this option is chosen. See menu-modifiers.ts.
   */
  readonly childGroupIds?: readonly ModifierGroupId[];
}

/** A choice on an item: min 1 / max 1 is a required single choice (doneness, size). */
export interface ModifierGroup {
  readonly id: ModifierGroupId;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly options: readonly ModifierOption[];
  /**
   * 'variant' marks a size or variant choice (S/M/L): a required single choice whose deltas
   * make the variant's price. Screens show it first, as buttons; pricing treats it like any
   * group (docs/menus.md says why variants are modifier groups and not separate items).
   */
  readonly kind?: 'variant' | 'modifier';
}

export interface Category {
  readonly id: CategoryId;
  readonly name: string;
  readonly sortOrder: number;
}

export interface Station {
  readonly id: StationId;
  readonly name: string;
}

export interface MenuItem {
  readonly id: ItemId;
  readonly categoryId: CategoryId;
  readonly name: string;
  readonly description: string;
  /** Unit price; for items sold by weight, the price per kilogram. */
  readonly price: Cents;
  readonly taxRateIds: readonly TaxRateId[];
  /**
   * Rates that replace `taxRateIds` for one dining option (e.g. hot food eaten in vs cold
   * food taken out). Options left out use `taxRateIds`. See dining-option-tax.ts.
   */
  readonly taxRateIdsByDiningOption?: Partial<Record<DiningOption, readonly TaxRateId[]>>;
  /** Kitchen station whose tickets carry this item. */
  readonly stationId: StationId;
  readonly modifierGroupIds: readonly ModifierGroupId[];
  readonly soldByWeight?: boolean;
  readonly barcode?: string;
  readonly allergens?: readonly string[];
  /** Dietary tags shown and filterable on kiosk and PWA (e.g. vegetarian, vegan, gluten-free). */
  readonly dietaryTags?: readonly string[];
  readonly imageUrl?: string;
  /** Prices that replace `price` on one sales channel (e.g. a dearer online price). */
  readonly channelPrices?: Partial<Record<OrderChannel, Cents>>;
  /** Sold only within one of these dayparts (empty or absent: all day). See menu-dayparts.ts. */
  readonly daypartIds?: readonly DaypartId[];
  /** Present on a combo: the slots the customer fills (main, side, drink). See menu-combos.ts. */
  readonly combo?: ComboDefinition;
  readonly sortOrder: number;
  /** Cloud-owned switch; the store's 86 overrides are separate (see Availability). */
  readonly active: boolean;
}

export interface Menu {
  readonly currency: CurrencyCode;
  /** True where shelf prices include tax (most of Europe); false where tax is added (US). */
  readonly taxInclusive: boolean;
  readonly categories: readonly Category[];
  readonly items: readonly MenuItem[];
  readonly modifierGroups: readonly ModifierGroup[];
  readonly taxRates: readonly TaxRate[];
  readonly stations: readonly Station[];
  /** Named time windows (breakfast until 11:00) in the store's time zone. */
  readonly dayparts?: readonly Daypart[];
}

/** Store-owned 86 list: item ids currently unavailable. */
export type Unavailable = ReadonlySet<ItemId>;

export interface MenuIndex {
  readonly menu: Menu;
  readonly items: ReadonlyMap<ItemId, MenuItem>;
  readonly groups: ReadonlyMap<ModifierGroupId, ModifierGroup>;
  readonly options: ReadonlyMap<ModifierOptionId, { group: ModifierGroup; option: ModifierOption }>;
  readonly taxRates: ReadonlyMap<TaxRateId, TaxRate>;
}

export function indexMenu(menu: Menu): MenuIndex {
  const options = new Map<ModifierOptionId, { group: ModifierGroup; option: ModifierOption }>();
  for (const group of menu.modifierGroups) for (const option of group.options) options.set(option.id, { group, option });
  return {
    menu,
    items: new Map(menu.items.map((i) => [i.id, i])),
    groups: new Map(menu.modifierGroups.map((g) => [g.id, g])),
    options,
    taxRates: new Map(menu.taxRates.map((t) => [t.id, t])),
  };
}
