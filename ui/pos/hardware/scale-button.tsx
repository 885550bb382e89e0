/**
 * "Weigh" for items sold by weight: reads the scale at this till through the hub and hands
 * the stable weight in grams to the register. An unsettled, empty or overloaded scale is
 * refused by the hub with a message the cashier can act on, shown as is.
 */
import { useState } from 'react';
import { useHub } from '../../shared/hub-context';
import { useToasts } from '../../shared/toasts';

export interface ScaleWeight {
  readonly deviceId: string;
  readonly grams: number;
  readonly stable: true;
}

export function ScaleButton({ itemName, onWeight }: { itemName: string; onWeight: (grams: number) => void }) {
  const { client } = useHub();
  const toasts = useToasts();
  const [reading, setReading] = useState(false);
  const weigh = async () => {
    setReading(true);
    try {
      const weight = await client.get<ScaleWeight>('/api/hardware/scale');
      onWeight(weight.grams);
    } catch (error) {
      toasts.error(error);
    } finally {
      setReading(false);
    }
  };
  return (
    <button type="button" className="btn btn-primary" disabled={reading} aria-label={`Weigh ${itemName}`} onClick={() => void weigh()}>
      {reading ? 'Weighing…' : 'Weigh'}
    </button>
  );
}
