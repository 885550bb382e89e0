/** The kitchen display: its station's tickets live, bump and recall, timers, all-day counts; expo sees all. */
import type { KitchenTicket } from '@brigade/sync/model';
import { useCallback, useEffect, useState } from 'react';
import { ConnectionBadge } from '../shared/connection-badge';
import { Dialog } from '../shared/dialog';
import { TimeClockPunch } from '../pos/time-clock-punch';
import { PrinterAlertBanner } from '../shared/printer-alert-banner';
import { HubProvider, useHub, useHubEvents, useResync } from '../shared/hub-context';
import type { StoreInfo } from '../shared/hub-types';
import { PairingGate } from '../shared/pairing-gate';
import { ToastProvider, useToasts } from '../shared/toasts';
import { type TicketBoard, allDayCounts, applyTicket, boardFrom, emptyBoard, shows } from './kitchen-tickets';
import { expoOrders } from './expo-board';
import { ExpoView } from './expo-view';
import { TicketCard } from './ticket-card';

export function KdsApp() {
  return (
    <ToastProvider>
      <PairingGate app="kds" deviceName="Kitchen screen">
        {(device) => (
          <HubProvider device={device}>
            <KitchenDisplay />
          </HubProvider>
        )}
      </PairingGate>
    </ToastProvider>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function KitchenDisplay() {
  const { client, device } = useHub();
  const toasts = useToasts();
  const stationId = device.stationId;
  const [board, setBoard] = useState<TicketBoard>(emptyBoard);
  const [store, setStore] = useState<StoreInfo | null>(null);
  // Cooks clock in and out at their station's screen with their PIN.
  const [timeClock, setTimeClock] = useState(false);
  const now = useNow(1000);

  const reload = useCallback(() => {
    const station = stationId ? `&stationId=${encodeURIComponent(stationId)}` : '';
    Promise.all([
      client.get<{ tickets: KitchenTicket[] }>(`/api/tickets?status=new${station}`),
      client.get<{ tickets: KitchenTicket[] }>(`/api/tickets?status=bumped&limit=${stationId ? 20 : 100}${station}`),
    ]).then(([open, bumped]) => setBoard(boardFrom([...open.tickets, ...bumped.tickets])), toasts.error);
  }, [client, stationId, toasts]);
  useResync(reload);
  useEffect(() => {
    client.get<StoreInfo>('/api/store').then(setStore, () => undefined);
  }, [client]);
  useHubEvents((event) => {
    if (event.type === 'ticket.updated' && shows(stationId, event.ticket)) setBoard((b) => applyTicket(b, event.ticket));
  });

  const bump = (ticket: Pick<KitchenTicket, 'id'>) => {
    client.command('ticket.bump', { ticketId: ticket.id }).then((r) => setBoard((b) => applyTicket(b, r.ticket)), toasts.error);
  };
  const recall = () => {
    const last = board.bumped[0];
    if (last) client.command('ticket.recall', { ticketId: last.id }).then((r) => setBoard((b) => applyTicket(b, r.ticket)), toasts.error);
  };

  const stationName = (id: string) => store?.stations.find((s) => s.id === id)?.name ?? id;
  const title = stationId ? stationName(stationId) : 'Expo — all stations';
  const allDay = allDayCounts(board.open);
  return (
    <div className="kds">
      <header className="topbar kds-top">
        <h1 data-testid="kds-station">{title}</h1>
        <span className="muted">{board.open.length} open</span>
        <span className="spacer" />
        <button type="button" className="btn" disabled={board.bumped.length === 0} onClick={recall}>
          Recall {board.bumped[0] ? board.bumped[0].orderNumber : ''}
        </button>
        <button type="button" className="btn" onClick={() => setTimeClock(true)}>Time clock</button>
        <ConnectionBadge />
      </header>
      {timeClock && <Dialog title="Time clock" onClose={() => setTimeClock(false)}><TimeClockPunch onPunched={() => setTimeClock(false)} /></Dialog>}
      <PrinterAlertBanner />
      <div className="kds-body">
        <section className="kds-rail" aria-label="Open tickets">
          {stationId === null ? (
            <ExpoView orders={expoOrders(board)} now={now} store={store} onBump={(ticketId) => bump({ id: ticketId })} />
          ) : (
            <>
              {board.open.length === 0 && <p className="kds-empty">All caught up.</p>}
              {board.open.map((ticket) => <TicketCard key={ticket.id} ticket={ticket} now={now} stationLabel={null} onBump={bump} />)}
            </>
          )}
        </section>
        <aside className="kds-allday" aria-label="All day">
          <h2>All day</h2>
          {allDay.length === 0 ? <p className="muted">Nothing to make.</p> : (
            <ul>
              {allDay.map((c) => <li key={c.name}><span className="allday-count">{c.quantity}</span> {c.name}</li>)}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
}
