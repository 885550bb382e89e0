/** Choosing an item's modifiers, shared by the POS and the kiosk (same rules on both). */
import { type MenuIndex, type MenuItem, type ModifierOptionId, formatMoney, mulCents } from '@brigade/sync/model';
import { useState } from 'react';
import { Dialog } from './dialog';
import { type Selection, groupHint, initialSelection, itemGroups, selectedOptionIds, selectionProblems, toggleOption, unitPrice } from './modifier-rules';

interface Props {
  index: MenuIndex;
  item: MenuItem;
  onAdd: (modifierOptionIds: ModifierOptionId[], quantity: number) => void;
  onClose: () => void;
  addLabel?: string;
}

export function ModifierPicker({ index, item, onAdd, onClose, addLabel = 'Add to order' }: Props) {
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
      {itemGroups(index, item).map((group) => {
        const picked = selection[group.id] ?? [];
        const problem = problems.find((p) => p.groupId === group.id);
        const single = group.max === 1;
        return (
          <fieldset key={group.id} className="modifier-group" aria-describedby={`${group.id}-hint`}>
            <legend>{group.name}</legend>
            <p id={`${group.id}-hint`} className={tried && problem ? 'hint hint-error' : 'hint'}>
              {tried && problem ? problem.message : groupHint(group)}
            </p>
            <div className="option-grid" role={single ? 'radiogroup' : 'group'} aria-label={group.name}>
              {group.options.map((option) => {
                const on = picked.includes(option.id);
                const full = !single && !on && picked.length >= group.max;
                return (
                  <button
                    key={option.id}
                    type="button"
                    role={single ? 'radio' : 'checkbox'}
                    aria-checked={on}
                    disabled={full}
                    className={`option ${on ? 'option-on' : ''}`}
                    onClick={() => setSelection((s) => toggleOption(s, group, option.id))}
                  >
                    <span>{option.name}</span>
                    {option.priceDelta > 0 && <span className="option-price">+{formatMoney(option.priceDelta, currency)}</span>}
                  </button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <div className="dialog-footer">
        <div className="stepper" role="group" aria-label="Quantity">
          <button type="button" className="btn" aria-label="One fewer" disabled={quantity <= 1} onClick={() => setQuantity((q) => q - 1)}>−</button>
          <output aria-live="polite" aria-label="Quantity">{quantity}</output>
          <button type="button" className="btn" aria-label="One more" disabled={quantity >= 99} onClick={() => setQuantity((q) => q + 1)}>+</button>
        </div>
        <button type="button" className="btn btn-primary btn-wide" onClick={add} aria-disabled={problems.length > 0}>
          {addLabel} · {formatMoney(mulCents(unitPrice(index, item, selection), quantity), currency)}
        </button>
      </div>
    </Dialog>
  );
}
