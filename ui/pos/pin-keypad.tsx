/** A touch keypad for PINs; the physical keyboard works too (digits, Backspace, Enter). */
import { type KeyboardEvent, useState } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

interface Props {
  label: string;
  onSubmit: (pin: string) => void;
  disabled?: boolean;
  submitLabel?: string;
}

export function PinKeypad({ label, onSubmit, disabled = false, submitLabel = 'Sign in' }: Props) {
  const [pin, setPin] = useState('');
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') setPin('');
    else if (key === 'back') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 8 ? p + key : p));
  };
  const submit = () => {
    if (pin.length >= 4 && !disabled) {
      onSubmit(pin);
      setPin('');
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (/^[0-9]$/.test(e.key)) press(e.key as (typeof KEYS)[number]);
    else if (e.key === 'Backspace') press('back');
    else if (e.key === 'Enter') submit();
    else return;
    e.preventDefault();
  };
  return (
    <div className="pin-pad" role="group" aria-label={label} onKeyDown={onKeyDown}>
      <input className="pin-display" type="password" inputMode="numeric" aria-label={label} value={pin} readOnly={false}
        onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 8))} autoFocus disabled={disabled} />
      <div className="pin-keys">
        {KEYS.map((key) => (
          <button key={key} type="button" className="btn btn-big" disabled={disabled} onClick={() => press(key)}
            aria-label={key === 'back' ? 'Delete last digit' : key === 'clear' ? 'Clear' : key}>
            {key === 'back' ? '⌫' : key === 'clear' ? 'C' : key}
          </button>
        ))}
      </div>
      <button type="button" className="btn btn-primary btn-big" disabled={disabled || pin.length < 4} onClick={submit}>{submitLabel}</button>
    </div>
  );
}
