import { Dialog } from '../shared/dialog';
import { PinKeypad } from './pin-keypad';

export function ManagerPinDialog({ action, onPin, onCancel }: { action: string; onPin: (pin: string) => void; onCancel: () => void }) {
  return (
    <Dialog title="Manager approval" onClose={onCancel}>
      <p>A manager must approve: <strong>{action}</strong></p>
      <PinKeypad label="Manager PIN" onSubmit={onPin} submitLabel="Approve" />
    </Dialog>
  );
}
