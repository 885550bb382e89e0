/**
 * The item and combo pickers, loaded on first use: they open only after a tap, so screens
 * with a tight first-load budget (the POS) do not pay for them at start.
 */
import { type ComponentProps, Suspense, lazy } from 'react';

const ModifierPickerChunk = lazy(() => import('./modifier-picker').then((m) => ({ default: m.ModifierPicker })));
const ComboPickerChunk = lazy(() => import('./combo-picker').then((m) => ({ default: m.ComboPicker })));

export function LazyModifierPicker(props: ComponentProps<typeof ModifierPickerChunk>) {
  return <Suspense fallback={null}><ModifierPickerChunk {...props} /></Suspense>;
}

export function LazyComboPicker(props: ComponentProps<typeof ComboPickerChunk>) {
  return <Suspense fallback={null}><ComboPickerChunk {...props} /></Suspense>;
}
