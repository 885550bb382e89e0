/**
 * The cue for a new online or QR table order: a chime and a banner that stays until someone
 * looks, on whichever tab the cashier is. The kitchen already has the tickets; the counter
 * must know someone will come for the order (or that it holds an 86'd item).
 */
import type { Order } from '@brigade/sync/model';
import { useRef, useState } from 'react';
import { useHubEvents } from '../shared/hub-context';
import { isNewOnlineOrder, isOnlineOrder, orderTag } from './online-orders';

export function OnlineOrderCue({ onOpen }: { onOpen: () => void }) {
  const seen = useRef(new Set<string>());
  const [fresh, setFresh] = useState<Order[]>([]);
  useHubEvents((event) => {
    if (event.type !== 'order.updated' || !isOnlineOrder(event.order)) return;
    const order = event.order;
    if (isNewOnlineOrder(seen.current, order)) {
      setFresh((list) => [...list.filter((o) => o.id !== order.id), order]);
      chime();
    }
    seen.current.add(order.id);
  });
  if (fresh.length === 0) return null;
  const names = fresh.map((o) => `${o.number} (${orderTag(o) ?? ''}${o.customerName ? ` · ${o.customerName}` : ''})`).join(', ');
  return (
    <div className="online-cue" role="status" aria-live="polite" data-testid="online-order-cue">
      <span className="online-cue-dot" aria-hidden="true" />
      <span>{fresh.length === 1 ? 'New online order' : `${fresh.length} new online orders`}: {names}</span>
      <button type="button" className="btn" onClick={() => { setFresh([]); onOpen(); }}>Show</button>
      <button type="button" className="btn btn-ghost" aria-label="Dismiss" onClick={() => setFresh([])}>×</button>
    </div>
  );
}

let audio: AudioContext | null = null;

/** Two short tones; browsers may keep audio muted until the first tap, which a signed-in POS has had. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, frequency] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, start + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.18 + 0.16);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.18);
      osc.stop(start + i * 0.18 + 0.17);
    }
  } catch {
    // No audio device: the banner is the cue.
  }
}
