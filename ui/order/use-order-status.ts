/**
 * An order's status, live: the current state from the cloud, then server-sent events. When
 * the stream drops for good (the browser gives up, or the cloud answered with an error), it
 * reconnects with back-off and reads the current status again, so nothing missed is lost.
 */
import { useEffect, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import { type OnlineStatus, type OrderView, fetchOrder, onlinePaths, readOrderView } from './online-api';
import { applyUpdate, isFinal, reconnectDelayMs } from './tracking';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'done';

export interface OrderStatusState {
  readonly order: OrderView | null;
  readonly connection: Connection;
  readonly error: string | null;
}

export function useOrderStatus(orderId: string): OrderStatusState {
  const [state, setState] = useState<OrderStatusState>({ order: null, connection: 'connecting', error: null });

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const take = (incoming: OrderView, newest: boolean) => {
      setState((s) => {
        const status: OnlineStatus = s.order ? applyUpdate(s.order.status, incoming.status, newest) : incoming.status;
        const order = { ...(s.order ?? incoming), ...incoming, status, number: incoming.number ?? s.order?.number ?? null };
        return { order, connection: isFinal(status) ? 'done' : s.connection, error: null };
      });
      if (isFinal(incoming.status)) stop();
    };

    const stop = () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };

    const retry = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setState((s) => ({ ...s, connection: 'reconnecting' }));
      timer = setTimeout(connect, reconnectDelayMs(attempt++));
    };

    const connect = () => {
      if (stopped) return;
      fetchOrder(orderId).then(
        (order) => !stopped && take(order, true),
        (error: unknown) => {
          if (stopped) return;
          if (error instanceof CloudApiError && error.status >= 400 && error.status < 500) {
            setState({ order: null, connection: 'done', error: error.message });
            stop();
          }
        },
      );
      source = new EventSource(onlinePaths.events(orderId));
      source.onopen = () => {
        attempt = 0;
        setState((s) => ({ ...s, connection: 'live' }));
      };
      const onMessage = (event: MessageEvent<string>) => {
        try {
          take(readOrderView(JSON.parse(event.data)), true);
        } catch {
          // A malformed event is skipped; the next one, or the read after a reconnect, corrects the page.
        }
      };
      source.onmessage = onMessage;
      source.addEventListener('status', onMessage);
      source.onerror = () => {
        // CONNECTING means the browser retries by itself; CLOSED means it gave up.
        if (source?.readyState === EventSource.CLOSED) retry();
        else setState((s) => ({ ...s, connection: 'reconnecting' }));
      };
    };

    connect();
    return stop;
  }, [orderId]);

  return state;
}
