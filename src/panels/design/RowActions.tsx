/**
 * Move up, move down and remove for one row of a list: buttons, so the keyboard reaches them.
 * An impossible move is aria-disabled rather than disabled, so the button keeps the focus when a
 * row reaches the top or the bottom.
 */
import { ArrowDown, ArrowUp, X } from 'lucide-react';

export function RowActions({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** Names the row for the buttons' accessible names: "Move GET /v1/urls up". */
  what: string;
  index: number;
  count: number;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  return (
    <span className="row-actions">
      <button type="button" className="mini-button" aria-label={`Move ${what} up`} title="Move up" aria-disabled={index === 0} onClick={() => index > 0 && onMove(-1)}>
        <ArrowUp size={13} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="mini-button"
        aria-label={`Move ${what} down`}
        title="Move down"
        aria-disabled={index >= count - 1}
        onClick={() => index < count - 1 && onMove(1)}
      >
        <ArrowDown size={13} aria-hidden="true" />
      </button>
      <button type="button" className="mini-button danger" aria-label={`Remove ${what}`} title="Remove" onClick={onRemove}>
        <X size={13} aria-hidden="true" />
      </button>
    </span>
  );
}

/** Alt+ArrowUp / Alt+ArrowDown on a row's fields move the row, as in many list editors. */
export function moveKeys(onMove: (delta: number) => void) {
  return (e: React.KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? -1 : 1);
  };
}
