/** Choosing an item's modifiers, shared by the POS and the kiosk (same rules on both). */
import { type MenuIndex, type MenuItem, type ModifierOptionId, type OrderChannel, formatMoney, mulCents } from '@brigade/sync/model';
import { useState } from 'react';
import { Dialog } from './dialog';
import { ModifierGroups } from './modifier-groups';
import { type Selection, initialSelection, selectedOptionIds, selectionProblems, unitPrice } from './modifier-rules';

interface Props {
  index: MenuIndex;
  item: MenuItem;
  onAdd: (modifierOptionIds: ModifierOptionId[], quantity: number) => void;
  onClose: () => void;
  addLabel?: string;
  /** The sales channel whose price the screen shows (the hub charges the same). */
  channel?: OrderChannel;
}

export function ModifierPicker({ index, item, onAdd, onClose, addLabel = 'Add to order', channel }: Props) {
  const [selection, setSelection] = useState<Selection>(() => initialSelection(index, item));
  const [quantity, setQuantity] = useState(1);
  const [tried, setTried] = useState(false);
  const problems = selectionProblems(index, item, selection);
  const currency = index.menu.currency;
  const add = () => {
    setTried(true);
    if (problems.length === 0) onAdd(selectedOptionIds(index, item, selection), quantity);
  };

  return (
    <Dialog title={item.name} onClose={onClose} className="modifier-picker">
      {item.description && <p className="muted">{item.description}</p>}
      <ModifierGroups index={index} item={item} selection={selection} onChange={setSelection} problems={problems} tried={tried} />
      <div className="dialog-footer">
        <div className="stepper" role="group" aria-label="Quantity">
          <button type="button" className="btn" aria-label="One fewer" disabled={quantity <= 1} onClick={() => setQuantity((q) => q - 1)}>−</button>
          <output aria-live="polite" aria-label="Quantity">{quantity}</output>
          <button type="button" className="btn" aria-label="One more" disabled={quantity >= 99} onClick={() => setQuantity((q) => q + 1)}>+</button>
        </div>
        <button type="button" className="btn btn-primary btn-wide" onClick={add} aria-disabled={problems.length > 0}>
          {addLabel} · {formatMoney(mulCents(unitPrice(index, item, selection, channel), quantity), currency)}
        </button>
      </div>
    </Dialog>
  );
}
