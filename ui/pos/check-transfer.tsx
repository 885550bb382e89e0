/**
 * Moving a check to another table, or merging other open checks into it. The floor is read
 * fresh when the dialog opens; each choice is one command (`check.update`, `check.merge`).
 */
import { cents, formatMoney } from '@brigade/sync/model';
import { useEffect, useState } from 'react';
import type { CheckView, FloorView } from '../shared/check-types';
import { Dialog } from '../shared/dialog';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';

export function CheckTransfer({ check, onChanged, onClose }: { check: CheckView; onChanged: () => void; onClose: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [floor, setFloor] = useState<FloorView | null>(null);
  useEffect(() => {
    client.get<FloorView>('/api/floor').then(setFloor, (error: unknown) => toasts.error(error));
  }, [client, toasts]);
  const run = (action: () => Promise<unknown>) => {
    action().then(() => { onChanged(); onClose(); }, (error: unknown) => toasts.error(error));
  };
  const currency = check.totals.currency;
  const others = floor?.checks.filter((c) => c.orderId !== check.orderId && c.parentOrderId === null && !c.split && c.paid === 0) ?? [];
  return (
    <Dialog title="Move or merge" onClose={onClose}>
      {!floor && <p className="loading">Loading the floor…</p>}
      {floor && (
        <>
          <h3>Move to table</h3>
          <div className="chips" role="group" aria-label="Move to table">
            {floor.tables.filter((t) => t.id !== check.tableId).map((t) => (
              <button key={t.id} type="button" className="btn" onClick={() => run(() => client.command('check.update', { orderId: check.orderId, tableId: t.id }))}>{t.label}</button>
            ))}
          </div>
          <h3>Merge into this check</h3>
          <div className="chips" role="group" aria-label="Merge into this check">
            {others.length === 0 && <p className="muted">No other open check to merge.</p>}
            {others.map((c) => {
              const table = floor.tables.find((t) => t.id === c.tableId);
              return (
                <button key={c.orderId} type="button" className="btn" onClick={() => run(() => client.command('check.merge', { orderId: check.orderId, fromOrderIds: [c.orderId] }))}>
                  {`${table ? `Table ${table.label}` : (c.tabName ?? c.number)} · ${formatMoney(cents(c.total), currency)}`}
                </button>
              );
            })}
          </div>
        </>
      )}
    </Dialog>
  );
}
