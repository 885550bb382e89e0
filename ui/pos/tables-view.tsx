/** Table service: the floor, and the check of the table or tab chosen on it. */
import { useState } from 'react';
import type { LiveMenu } from '../shared/use-menu';
import { CheckPanel } from './check-panel';
import { FloorView } from './floor-view';
import './tables.css';

export function TablesView({ menu }: { menu: LiveMenu }) {
  const [orderId, setOrderId] = useState<string | null>(null);
  if (orderId) return <CheckPanel key={orderId} menu={menu} orderId={orderId} onBack={() => setOrderId(null)} />;
  return <FloorView currency={menu.index?.menu.currency ?? 'USD'} onOpenCheck={setOrderId} />;
}
