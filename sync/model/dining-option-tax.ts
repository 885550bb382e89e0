/**
 * Tax rates by dining option. Many tax regimes tax the same dish differently depending on
 * where it is eaten: in the UK, hot food and anything eaten on the premises is standard
 * rated while most cold take-away food is zero rated (HMRC VAT Notice 709/1, "Catering and
 * take-away food"); in Germany a restaurant meal eaten in is taxed at 19 % and the same
 * meal taken away at 7 % (UStG §12); several US states exempt some food to go.
 * A menu item carries its default `taxRateIds` and, where a dining option differs,
 * `taxRateIdsByDiningOption[option]`.
 */
import type { TaxRateId } from './ids';
import type { MenuItem } from './menu';
import type { DiningOption } from './order';

export const DINING_OPTIONS: readonly DiningOption[] = ['eat_in', 'take_out', 'delivery'];

/** The tax rate ids of `item` for `diningOption`; the defaults when none is given or set. */
export function taxRateIdsFor(item: MenuItem, diningOption?: DiningOption): readonly TaxRateId[] {
  if (diningOption === undefined) return item.taxRateIds;
  return item.taxRateIdsByDiningOption?.[diningOption] ?? item.taxRateIds;
}
