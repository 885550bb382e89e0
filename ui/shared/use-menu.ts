/** The store's menu and its live 86 list: an item sold out on one screen greys out everywhere at once. */
import { type ItemId, type MenuIndex, indexMenu } from '@brigade/sync/model';
import { useCallback, useState } from 'react';
import { useHub, useHubEvents, useResync } from './hub-context';
import type { MenuReply, StoreInfo } from './hub-types';
import { useToasts } from './toasts';

export interface LiveMenu {
  index: MenuIndex | null;
  unavailable: ReadonlySet<ItemId>;
  /** Fetches the menu again, e.g. after the hub said prices changed. */
  reload: () => void;
  /** The store's time zone: dayparts (breakfast until 11:00) are read on its wall clock. */
  timeZone: string;
}

export function useLiveMenu(): LiveMenu {
  const { client } = useHub();
  const toasts = useToasts();
  const [index, setIndex] = useState<MenuIndex | null>(null);
  const [unavailable, setUnavailable] = useState<ReadonlySet<ItemId>>(new Set());
  const [timeZone, setTimeZone] = useState('UTC');

  const reload = useCallback(() => {
    client.get<MenuReply>('/api/menu').then(
      (reply) => {
        setIndex(indexMenu(reply.menu));
        setUnavailable(new Set(reply.unavailable));
      },
      (error: unknown) => toasts.error(error),
    );
    client.get<StoreInfo>('/api/store').then((store) => setTimeZone(store.timezone), () => undefined);
  }, [client, toasts]);
  useResync(reload);

  useHubEvents((event) => {
    // The cloud replaced the menu (a new price, a new item): fetch it again; 86s are kept by the hub.
    if (event.type === 'menu.updated') {
      reload();
      return;
    }
    if (event.type !== 'item.availability') return;
    setUnavailable((current) => {
      const next = new Set(current);
      if (event.unavailable) next.add(event.itemId);
      else next.delete(event.itemId);
      return next;
    });
  });
  return { index, unavailable, reload, timeZone };
}
