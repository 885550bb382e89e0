/** The online-ordering PWA: a store's page, its cart and checkout, and live order tracking. */
import { useCallback, useEffect, useState } from 'react';
import { type Route, parseRoute } from './routes';
import { StorePage } from './store-page';
import { TrackingPage } from './tracking-page';

function currentRoute(): Route {
  return parseRoute(window.location.pathname, window.location.search, window.location.hash);
}

export function OrderApp() {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onPop = () => setRoute(currentRoute());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((url: string) => {
    window.history.pushState(null, '', url);
    setRoute(currentRoute());
    window.scrollTo(0, 0);
  }, []);

  if (route.name === 'store') return <StorePage key={route.storeId} storeId={route.storeId} tableToken={route.tableToken} navigate={navigate} />;
  if (route.name === 'track') return <TrackingPage key={route.orderId} storeId={route.storeId} orderId={route.orderId} navigate={navigate} />;
  return (
    <main className="order-page order-home">
      <h1>Order online</h1>
      <p>Open your restaurant&apos;s ordering link, or scan the code on your table.</p>
    </main>
  );
}
