/** The open choice groups of one item (nested groups indented under their parent), shared by the item and combo pickers. */
import { type MenuIndex, type MenuItem, formatMoney } from '@brigade/sync/model';
import { type GroupProblem, type Selection, chooseOption, groupHint, openGroups } from './modifier-rules';

interface Props {
  index: MenuIndex;
  item: MenuItem;
  selection: Selection;
  onChange: (next: Selection) => void;
  problems: readonly GroupProblem[];
  /** Show problems only after the customer tried to add. */
  tried: boolean;
  /** Keeps ids unique when one dialog shows several items (combo slots). */
  idPrefix?: string;
}

export function ModifierGroups({ index, item, selection, onChange, problems, tried, idPrefix = '' }: Props) {
  const currency = index.menu.currency;
  return (
    <>
      {openGroups(index, item, selection).map(({ group, depth, parent }) => {
        const picked = selection[group.id] ?? [];
        const problem = problems.find((p) => p.groupId === group.id);
        const single = group.max === 1;
        const hintId = `${idPrefix}${group.id}-hint`;
        return (
          <fieldset key={group.id} className={`modifier-group ${depth > 0 ? 'modifier-group-nested' : ''} ${group.kind === 'variant' ? 'modifier-group-variant' : ''}`}
            aria-describedby={hintId} data-group-id={group.id}>
            <legend>{parent ? `${parent.name}: ${group.name}` : group.name}</legend>
            <p id={hintId} className={tried && problem ? 'hint hint-error' : 'hint'}>
              {tried && problem ? problem.message : groupHint(group)}
            </p>
            <div className="option-grid" role={single ? 'radiogroup' : 'group'} aria-label={group.name}>
              {group.options.map((option) => {
                const on = picked.includes(option.id);
                const full = !single && !on && picked.length >= group.max;
                return (
                  <button key={option.id} type="button" role={single ? 'radio' : 'checkbox'} aria-checked={on} disabled={full}
                    className={`option ${on ? 'option-on' : ''}`} onClick={() => onChange(chooseOption(index, item, selection, group, option.id))}>
                    <span>{option.name}</span>
                    {option.priceDelta > 0 && <span className="option-price">+{formatMoney(option.priceDelta, currency)}</span>}
                  </button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
