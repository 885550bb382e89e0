/** A banner on the POS and the kitchen display while a printer needs someone: out of paper, cover open, dead. */
import { useEffect, useState } from 'react';
import { useHub, useHubEvents } from './hub-context';
import { type PrinterState, applyPrinterStatus, printerAlertText } from './printer-alerts';

export function PrinterAlertBanner() {
  const { client } = useHub();
  const [alerts, setAlerts] = useState<ReadonlyMap<string, PrinterState>>(new Map());
  useEffect(() => {
    client.get<{ printers: PrinterState[] }>('/api/printers')
      .then(({ printers }) => setAlerts((current) => printers.reduce(applyPrinterStatus, current)))
      // The banner is a convenience: a screen that cannot read printers still works.
      .catch(() => undefined);
  }, [client]);
  useHubEvents((event) => {
    if (event.type === 'printer.status') setAlerts((current) => applyPrinterStatus(current, { id: event.printerId, status: event.status, message: event.message }));
  });
  if (alerts.size === 0) return null;
  return (
    <div className="printer-alert" role="alert">
      {[...alerts.values()].map((state) => <p key={state.id}>{printerAlertText(state)}</p>)}
    </div>
  );
}
