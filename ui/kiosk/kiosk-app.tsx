/** The self-order kiosk: pairing, then the customer flow driven by `kioskMachine`. */
import { type MenuIndex, type Order, cents } from '@brigade/sync/model';
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { fromPromise } from 'xstate';
import type { HubClient } from '../shared/api-client';
import { priceDraft, toWireLines } from '../shared/draft-order';
import { HubProvider, useHub } from '../shared/hub-context';
import { PairingGate } from '../shared/pairing-gate';
import { RetryMemo } from '../shared/retry-memo';
import { ToastProvider } from '../shared/toasts';
import { useLiveMenu } from '../shared/use-menu';
import { kioskMachine, timingFromQuery } from './kiosk-machine';
import { KIOSK_SALE, KioskScreens } from './kiosk-screens';

export function KioskApp() {
  return (
    <ToastProvider>
      <PairingGate app="kiosk" deviceName="Kiosk">
        {(device) => (
          <HubProvider device={device}>
            <KioskFlow />
          </HubProvider>
        )}
      </PairingGate>
    </ToastProvider>
  );
}

/** What the machine's actors need from the screen; set after render, read when an order is placed. */
class KioskServices {
  index: MenuIndex | null = null;
  readonly memo = new RetryMemo();
  constructor(readonly client: HubClient) {}
  setIndex(index: MenuIndex | null): void {
    this.index = index;
  }
}

function KioskFlow() {
  const { client } = useHub();
  const menu = useLiveMenu();
  const [services] = useState(() => new KioskServices(client));
  useEffect(() => services.setIndex(menu.index), [services, menu.index]);
  const [accessible, setAccessible] = useState(false);
  const [state, send] = useMachine(
    kioskMachine.provide({
      actors: {
        createOrder: fromPromise(async ({ input }) => {
          if (!services.index) throw new Error('The menu is still loading.');
          const expectedTotal = priceDraft(services.index, input.lines, KIOSK_SALE).totals.total;
          const { order } = await services.memo.run(`create:${input.orderId}`, (id) =>
            services.client.command('order.create', {
              orderId: input.orderId, channel: 'kiosk', diningOption: 'take_out', lines: toWireLines(input.lines), expectedTotal,
            }, { commandId: id('command') }),
          );
          return order;
        }),
        chargeCard: fromPromise(async ({ input }): Promise<Order> => {
          const amount = cents(input.order.totals.total - input.order.paid);
          const { order } = await services.memo.run(`charge:${input.order.id}:${amount}`, (id) =>
            services.client.command('payment.capture', {
              orderId: input.order.id, paymentId: id('payment'), tender: 'card', amount,
            }, { commandId: id('command') }),
          );
          return order;
        }),
      },
    }),
    { input: { timing: timingFromQuery(window.location.search) } },
  );
  return (
    <div className={`kiosk ${accessible ? 'kiosk-accessible' : ''}`}
      onPointerDown={() => send({ type: 'ACTIVITY' })} onKeyDown={() => send({ type: 'ACTIVITY' })}>
      <KioskScreens state={state} send={send} menu={menu} accessible={accessible} onAccessible={setAccessible} />
    </div>
  );
}
