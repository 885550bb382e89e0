/**
 * The kiosk's link to the hub, for staff only: a small dot in a corner (green, amber, red), no
 * words. Customers never see sync figures or the "re-enrol" message — those are for the POS
 * and the kitchen screens (`ConnectionBadge`) — but a manager walking past can tell a kiosk
 * that lost the hub, and the dot's title says which state it is in.
 */
import { useHub } from '../shared/hub-context';

const TITLES = { connecting: 'Connecting to the hub', online: 'Connected to the hub', reconnecting: 'Reconnecting to the hub', offline: 'No link to the hub' } as const;

export function KioskLinkDot() {
  const { connection } = useHub();
  return <span className={`kiosk-link kiosk-link-${connection}`} data-testid="kiosk-link" data-state={connection} title={TITLES[connection]} aria-hidden="true" />;
}
