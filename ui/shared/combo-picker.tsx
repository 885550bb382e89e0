/** Building a combo: one item per slot (main, side, drink), each with its own choices; shared by kiosk, PWA and POS. */
import { type ComboComponentRequest, type ItemId, type MenuIndex, type MenuItem, type OrderChannel, formatMoney, mulCents } from '@brigade/sync/model';
import { useState } from 'react';
import { type ComboSelection, comboComponents, comboProblems, comboUnitPrice, initialComboSelection, pickSlotItem, slotItems } from './combo-rules';
import { Dialog } from './dialog';
import { ModifierGroups } from './modifier-groups';
import { selectionProblems } from './modifier-rules';

interface Props {
  index: MenuIndex;
  combo: MenuItem;
  unavailable: ReadonlySet<ItemId>;
  onAdd: (components: ComboComponentRequest[], quantity: number) => void;
  onClose: () => void;
  channel?: OrderChannel;
}

export function ComboPicker({ index, combo, unavailable, onAdd, onClose, channel }: Props) {
  const [selection, setSelection] = useState<ComboSelection>(() => initialComboSelection(index, combo, unavailable));
  const [quantity, setQuantity] = useState(1);
  const [tried, setTried] = useState(false);
  const problems = comboProblems(index, combo, selection);
  const currency = index.menu.currency;
  const add = () => {
    setTried(true);
    if (problems.length === 0) onAdd(comboComponents(index, combo, selection), quantity);
  };
  return (
    <Dialog title={combo.name} onClose={onClose} className="modifier-picker combo-picker">
      {combo.description && <p className="muted">{combo.description}</p>}
      {(combo.combo?.slots ?? []).map((slot) => {
        const pick = selection[slot.id];
        const pickedItem = pick ? index.items.get(pick.itemId) : undefined;
        const problem = problems.find((p) => p.slotId === slot.id);
        return (
          <section key={slot.id} className="combo-slot" aria-label={slot.name} data-slot-id={slot.id}>
            <fieldset className="modifier-group">
              <legend>{slot.name}</legend>
              {tried && problem && problem.groups.length === 0 && <p className="hint hint-error">{problem.message}</p>}
              <div className="option-grid" role="radiogroup" aria-label={slot.name}>
                {slotItems(index, slot).map(({ item, upcharge }) => {
                  const soldOut = unavailable.has(item.id);
                  return (
                    <button key={item.id} type="button" role="radio" aria-checked={pick?.itemId === item.id} disabled={soldOut}
                      className={`option ${pick?.itemId === item.id ? 'option-on' : ''}`}
                      onClick={() => setSelection((s) => pickSlotItem(index, s, slot, item.id))}>
                      <span>{item.name}</span>
                      {soldOut ? <span className="sold-out">Sold out</span> : upcharge > 0 && <span className="option-price">+{formatMoney(upcharge, currency)}</span>}
                    </button>
                  );
                })}
              </div>
            </fieldset>
            {pick && pickedItem && (
              <div className="combo-slot-choices">
                <ModifierGroups index={index} item={pickedItem} selection={pick.selection} tried={tried} idPrefix={`${slot.id}-`}
                  problems={selectionProblems(index, pickedItem, pick.selection)}
                  onChange={(next) => setSelection((s) => ({ ...s, [slot.id]: { itemId: pick.itemId, selection: next } }))} />
              </div>
            )}
          </section>
        );
      })}
      <div className="dialog-footer">
        <div className="stepper" role="group" aria-label="Quantity">
          <button type="button" className="btn" aria-label="One fewer" disabled={quantity <= 1} onClick={() => setQuantity((q) => q - 1)}>−</button>
          <output aria-live="polite" aria-label="Quantity">{quantity}</output>
          <button type="button" className="btn" aria-label="One more" disabled={quantity >= 99} onClick={() => setQuantity((q) => q + 1)}>+</button>
        </div>
        <button type="button" className="btn btn-primary btn-wide" onClick={add} aria-disabled={problems.length > 0}>
          Add to order · {formatMoney(mulCents(comboUnitPrice(index, combo, selection, channel), quantity), currency)}
        </button>
      </div>
    </Dialog>
  );
}
