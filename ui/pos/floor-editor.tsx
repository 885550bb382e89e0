/**
 * A manager's edit of the floor plan on the POS: seats per table, a table taken off the
 * floor, a new table in a section (next free number, placed on the first free spot). Each
 * change is `floor.saveTable`; a cashier is asked for a manager's PIN.
 */
import { newId } from '@brigade/sync/model';
import type { FloorTable, FloorView } from '../shared/check-types';
import { Dialog } from '../shared/dialog';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { ApprovalCancelled, useStaff } from './staff-session';

export function nextTableLabel(tables: readonly FloorTable[]): string {
  const numbers = tables.map((t) => Number(t.label)).filter((n) => Number.isInteger(n));
  return String(Math.max(0, ...numbers) + 1);
}

export function FloorEditor({ floor, onChanged, onClose }: { floor: FloorView; onChanged: () => void; onClose: () => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  const save = async (table: FloorTable, change: Partial<FloorTable> & { active?: boolean }) => {
    try {
      const pin = await managerApproval(`Change table ${table.label}`);
      await client.command('floor.saveTable', {
        tableId: table.id, sectionId: table.sectionId, label: table.label, seats: table.seats, x: table.x, y: table.y, shape: table.shape, active: true,
        ...change, ...(pin ? { managerPin: pin } : {}),
      });
      onChanged();
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
    }
  };
  const add = (sectionId: string) => {
    const inSection = floor.tables.filter((t) => t.sectionId === sectionId);
    const slot = inSection.length;
    const label = nextTableLabel(floor.tables);
    void save({ id: newId(), sectionId, label, seats: 4, x: 5 + (slot % 4) * 22, y: 10 + ((Math.floor(slot / 4) * 30) % 90), shape: 'square' }, {});
  };
  return (
    <Dialog title="Edit the floor" onClose={onClose}>
      {floor.sections.map((section) => (
        <section key={section.id} aria-label={`Edit ${section.name}`}>
          <h3>{section.name}</h3>
          <ul className="floor-editor">
            {floor.tables.filter((t) => t.sectionId === section.id).map((table) => (
              <li key={table.id}>
                <span>{`Table ${table.label}`}</span>
                <button type="button" className="btn" aria-label={`One seat fewer at ${table.label}`} disabled={table.seats <= 1}
                  onClick={() => void save(table, { seats: table.seats - 1 })}>−</button>
                <span>{table.seats} seats</span>
                <button type="button" className="btn" aria-label={`One seat more at ${table.label}`} onClick={() => void save(table, { seats: table.seats + 1 })}>+</button>
                <button type="button" className="btn btn-danger" onClick={() => void save(table, { active: false })}>Remove</button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => add(section.id)}>{`Add a table to ${section.name}`}</button>
        </section>
      ))}
    </Dialog>
  );
}
