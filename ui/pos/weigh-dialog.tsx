/**
 * Ringing up an item sold by weight: put it on the scale, press Weigh; only a stable reading
 * is taken (the hub refuses a moving, empty or overloaded scale with a message to act on).
 * The line's price follows the weight with the same rounding the hub uses.
 */
import { type Cents, type MenuItem, divRound, formatMoney } from '@brigade/sync/model';
import { Dialog } from '../shared/dialog';
import { ScaleButton } from './hardware';

export function WeighDialog({ item, currency, onWeight, onClose }: { item: MenuItem; currency: string; onWeight: (grams: number) => void; onClose: () => void }) {
  const perKg = formatMoney(item.price, currency);
  const example = formatMoney(divRound(item.price * 250, 1000) as Cents, currency);
  return (
    <Dialog title={item.name} onClose={onClose}>
      <p>{perKg} per kg — put it on the scale, wait for it to settle, then weigh.</p>
      <p className="muted">For example, 250 g costs {example}.</p>
      <ScaleButton itemName={item.name} onWeight={onWeight} />
    </Dialog>
  );
}
