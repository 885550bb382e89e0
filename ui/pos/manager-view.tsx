/** Manager functions on the POS: 86 items, open the drawer (no sale), the audit trail and devices. */
import { type ItemId, type MenuIndex } from '@brigade/sync/model';
import { useState } from 'react';
import { useHub } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { AuditPanel } from './audit-panel';
import { DrawerSessionPanel, PermissionsPanel, ReportsPanel, TimeClockPanel } from './staff-cash-lazy';
import { DevicesPanel } from './devices-panel';
import { HardwarePanel } from './hardware/hardware-panel';
import { ApprovalCancelled, useStaff } from './staff-session';

type Section = '86' | 'drawer' | 'timeclock' | 'reports' | 'permissions' | 'audit' | 'devices' | 'hardware';
const SECTIONS: readonly { id: Section; label: string }[] = [
  { id: '86', label: 'Sold out (86)' },
  { id: 'drawer', label: 'Cash drawer' },
  { id: 'timeclock', label: 'Time clock' },
  { id: 'reports', label: 'Reports' },
  { id: 'permissions', label: 'Permissions' },
  { id: 'audit', label: 'Audit trail' },
  { id: 'devices', label: 'Devices' },
  { id: 'hardware', label: 'Hardware' },
];

export function ManagerView({ index, unavailable }: { index: MenuIndex | null; unavailable: ReadonlySet<ItemId> }) {
  const [section, setSection] = useState<Section>('86');
  return (
    <section className="manager" aria-label="Manager">
      <div className="tabs" role="tablist" aria-label="Manager sections">
        {SECTIONS.map((s) => (
          <button key={s.id} type="button" role="tab" className="btn" aria-selected={section === s.id} onClick={() => setSection(s.id)}>{s.label}</button>
        ))}
      </div>
      <div role="tabpanel" className="manager-panel">
        {section === '86' && index && <EightySixPanel index={index} unavailable={unavailable} />}
        {section === 'drawer' && <><DrawerSessionPanel currency={index?.menu.currency ?? 'USD'} /><DrawerPanel /></>}
        {section === 'timeclock' && <TimeClockPanel />}
        {section === 'reports' && <ReportsPanel />}
        {section === 'permissions' && <PermissionsPanel />}
        {section === 'audit' && <AuditPanel currency={index?.menu.currency ?? 'USD'} />}
        {section === 'devices' && <DevicesPanel stations={index?.menu.stations ?? []} />}
        {section === 'hardware' && <HardwarePanel stations={index?.menu.stations ?? []} />}
      </div>
    </section>
  );
}

function useGuarded() {
  const toasts = useToasts();
  const { managerApproval } = useStaff();
  return async (action: string, run: (pin: { managerPin?: string }) => Promise<unknown>) => {
    try {
      const pin = await managerApproval(action);
      await run(pin ? { managerPin: pin } : {});
      return true;
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
      return false;
    }
  };
}

function EightySixPanel({ index, unavailable }: { index: MenuIndex; unavailable: ReadonlySet<ItemId> }) {
  const { client } = useHub();
  const guarded = useGuarded();
  return (
    <ul className="eighty-six">
      {index.menu.items.filter((i) => i.active).map((item) => {
        const out = unavailable.has(item.id);
        return (
          <li key={item.id}>
            <span>{item.name}</span>
            <button type="button" role="switch" aria-checked={out} aria-label={`${item.name} sold out`} className={out ? 'btn btn-danger' : 'btn'}
              onClick={() => void guarded(`${out ? 'Bring back' : '86'} ${item.name}`, (pin) => client.command('item.set86', { itemId: item.id, unavailable: !out, ...pin }))}>
              {out ? 'Sold out' : 'Available'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function DrawerPanel() {
  const { client } = useHub();
  const toasts = useToasts();
  const guarded = useGuarded();
  return (
    <div>
      <p>Open the cash drawer without a sale. This is recorded in the audit trail.</p>
      <button type="button" className="btn btn-big btn-primary" onClick={() => void guarded('Open the drawer (no sale)', (pin) => client.command('drawer.open', { reason: 'No sale', ...pin })).then((ok) => ok && toasts.info('Drawer opened.'))}>
        No sale — open drawer
      </button>
    </div>
  );
}
