/** Loads now and again every few seconds while the page is open; keeps the last good answer on a failure. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';

export interface Polled<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly reload: () => void;
}

export function usePoll<T>(load: () => Promise<T>, everyMs: number | null, key: string): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      // A dashboard left open in a background tab all day should not keep asking the cloud.
      if (everyMs !== null && document.visibilityState === 'hidden') {
        timer = setTimeout(run, everyMs);
        return;
      }
      loadRef.current().then(
        (value) => {
          if (!live) return;
          setData(value);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof CloudApiError ? e.message : 'Could not load.'),
      ).finally(() => {
        if (live && everyMs !== null) timer = setTimeout(run, everyMs);
      });
    };
    run();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [key, everyMs, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
