/** In the POS's top bar on every tab: how many ingredients are at or below their alert level. */
import { lowIngredients, useStock } from './stock-data';

export function LowStockBadge({ onOpen }: { onOpen: () => void }) {
  const { stock } = useStock();
  const low = lowIngredients(stock);
  if (low.length === 0) return null;
  return (
    <button type="button" className="btn btn-danger low-stock-badge" onClick={onOpen} title={low.map((i) => i.name).join(', ')}>
      {low.length === 1 ? `Low: ${low[0]?.name ?? ''}` : `${low.length} low in stock`}
    </button>
  );
}
