/** Loads the store's page and, in QR table mode, checks the table's code. */
import { useEffect, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import { type StorePage, checkTable, fetchStorePage } from './online-api';

export type TableState = { readonly state: 'none' } | { readonly state: 'checking' } | { readonly state: 'ok'; readonly label: string } | { readonly state: 'refused'; readonly message: string };

export type PageState = { readonly state: 'loading' } | { readonly state: 'ready'; readonly page: StorePage } | { readonly state: 'failed'; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof CloudApiError ? error.message : 'The store could not be loaded. Try again.');

export function useStorePage(storeId: string, tableToken: string | null): { page: PageState; table: TableState; reload: () => void } {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [table, setTable] = useState<TableState>(tableToken ? { state: 'checking' } : { state: 'none' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    fetchStorePage(storeId).then(
      (loaded) => live && setPage({ state: 'ready', page: loaded }),
      (error: unknown) => live && setPage({ state: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [storeId, attempt]);

  useEffect(() => {
    if (!tableToken) return;
    let live = true;
    checkTable(storeId, tableToken).then(
      (t) => live && setTable({ state: 'ok', label: t.label }),
      (error: unknown) => live && setTable({ state: 'refused', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [storeId, tableToken]);

  return { page, table, reload: () => setAttempt((n) => n + 1) };
}
