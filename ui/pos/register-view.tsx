/** Ringing up a sale: menu on the left, the ticket on the right, then payment. */
import { type DiningOption, type LineRequest, type MenuItem, type Order, formatMoney, priceCheck } from '@brigade/sync/model';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../shared/api-client';
import { addOrMerge, comboLine, newLine, priceDraft, toWireLines, weighedLine } from '../shared/draft-order';
import { useHub, useHubEvents } from '../shared/hub-context';
import { MenuBrowser } from '../shared/menu-browser';
import { ComboPicker } from '../shared/combo-picker';
import { ModifierPicker } from '../shared/modifier-picker';
import { RetryMemo } from '../shared/retry-memo';
import { useToasts } from '../shared/toasts';
import { useBarcodeScans } from '../shared/use-barcode-scans';
import type { LiveMenu } from '../shared/use-menu';
import { usePoleDisplay, useScannerEvents } from './hardware';
import { WeighDialog } from './weigh-dialog';
import { TenderDialog } from './tender-dialog';
import { TicketPanel } from './ticket-panel';
import { GiftLoyaltyActions } from './gift-loyalty-actions';
import { REGISTER_SALE } from './register-sale';

const MENU_CHANGED = new Set<string>(['PRICE_MISMATCH', 'ITEM_UNKNOWN', 'ITEM_UNAVAILABLE', 'MODIFIER_UNKNOWN']);

export function RegisterView({ menu, active }: { menu: LiveMenu; active: boolean }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [lines, setLines] = useState<LineRequest[]>([]);
  const [order, setOrder] = useState<Order | null>(null);
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const [weighing, setWeighing] = useState<MenuItem | null>(null);
  const [paying, setPaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [memo] = useState(() => new RetryMemo());
  const [diningOption, setDiningOption] = useState<DiningOption>('take_out');
  const { index, unavailable } = menu;

  useHubEvents((event) => {
    if (event.type === 'order.updated' && order && event.order.id === order.id) setOrder(event.order);
  });

  const onPaid = useCallback((paid: Order) => setOrder(paid), []);

  // Keyboard-wedge scanners type into the page; serial and HID-POS scanners come through the hub.
  const scanning = active && !picking && !weighing && !paying;
  const onScan = (code: string) => {
    if (!index) return toasts.info('The menu is still loading: scan again in a moment.');
    const item = index.menu.items.find((i) => i.active && i.barcode === code);
    if (!item) return toasts.info(`No item has the barcode ${code}.`);
    if (unavailable.has(item.id)) return toasts.info(`${item.name} is sold out (86).`);
    pick(item);
  };
  useBarcodeScans(scanning, onScan);
  useScannerEvents(scanning, onScan);

  // The customer's pole display follows the ticket: the last line rung up and the total.
  const pole = useMemo(() => {
    if (!index) return { last: null, total: '' };
    const { lines: shown, totals } = order ? { lines: order.lines.filter((l) => !l.voided), totals: order.totals } : priceDraft(index, lines, REGISTER_SALE);
    const last = shown.at(-1);
    return {
      last: last ? `${last.weightGrams ? `${last.weightGrams} g` : `${last.quantity}x`} ${last.name}` : null,
      total: formatMoney(totals.total, totals.currency),
    };
  }, [index, lines, order]);
  usePoleDisplay(pole.last, pole.total);

  function pick(item: MenuItem) {
    if (order) return toasts.info('Start a new order to add items.');
    if (item.soldByWeight) setWeighing(item);
    else if (item.modifierGroupIds.length > 0 || item.combo) setPicking(item);
    else setLines((l) => addOrMerge(l, newLine(item.id, [], 1)));
  }

  if (!index) return <p className="loading">Loading the menu…</p>;

  /** Sends the draft to the hub once; `then` decides what follows (pay now, or cook first). */
  const submit = async (then: 'pay' | 'fire') => {
    if (order) return setPaying(true);
    setBusy(true);
    try {
      // The store prices the order as a check with the dining option's tax rates: send that total.
      const priced = priceCheck(index, { lines, diningOption, sale: REGISTER_SALE });
      const result = await memo.run(`create:${diningOption}:${JSON.stringify(lines)}`, (id) =>
        client.command('order.create', {
          orderId: id('order'),
          channel: REGISTER_SALE.channel,
          diningOption,
          lines: toWireLines(lines),
          expectedTotal: priced.totals.total,
        }, { commandId: id('command') }),
      );
      // Shown at once: if firing fails, the order still exists and can be sent from its ticket.
      setOrder(result.order);
      if (then === 'fire') {
        const fired = await memo.run(`fire:${result.order.id}`, (id) => client.command('order.fire', { orderId: result.order.id }, { commandId: id('command') }));
        setOrder(fired.order);
      } else {
        setPaying(true);
      }
    } catch (error) {
      toasts.error(error);
      // The screen's menu is stale: fetch it again so the ticket shows what the hub will charge.
      if (error instanceof ApiError && MENU_CHANGED.has(error.code)) menu.reload();
    } finally {
      setBusy(false);
    }
  };

  const newOrder = () => {
    setOrder(null);
    setLines([]);
  };

  return (
    <div className="register">
      <MenuBrowser index={index} unavailable={unavailable} onPick={pick} timeZone={menu.timeZone} channel={REGISTER_SALE.channel} />
      <TicketPanel index={index} unavailable={unavailable} lines={lines} order={order} busy={busy}
        onLines={setLines} onPay={() => void submit('pay')} onSend={() => void submit('fire')} onNewOrder={newOrder} onOrder={setOrder}
        diningOption={diningOption} onDiningOption={setDiningOption}
        extra={<GiftLoyaltyActions index={index} lines={lines} diningOption={diningOption} order={order} onOrder={setOrder} />} />
      {picking?.combo && (
        <ComboPicker index={index} combo={picking} unavailable={unavailable} channel={REGISTER_SALE.channel} onClose={() => setPicking(null)}
          onAdd={(components, quantity) => {
            setLines((l) => addOrMerge(l, comboLine(picking.id, components, quantity)));
            setPicking(null);
          }} />
      )}
      {picking && !picking.combo && (
        <ModifierPicker index={index} item={picking} onClose={() => setPicking(null)}
          onAdd={(ids, quantity) => {
            setLines((l) => addOrMerge(l, newLine(picking.id, ids, quantity)));
            setPicking(null);
          }} />
      )}
      {weighing && (
        <WeighDialog item={weighing} currency={index.menu.currency} onClose={() => setWeighing(null)}
          onWeight={(grams) => {
            setLines((l) => addOrMerge(l, weighedLine(weighing.id, grams)));
            setWeighing(null);
          }} />
      )}
      {paying && order && <TenderDialog order={order} memo={memo} onPaid={onPaid} onOrder={setOrder} onClose={() => setPaying(false)} />}
    </div>
  );
}
