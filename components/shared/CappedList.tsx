/**
 * A list that shows its first few items and a "Show all (N)" button, so a cache of 10,000 sets
 * renders a handful of rows until someone asks for more.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../lib/format';

interface Props<T> {
  items: readonly T[];
  /** How many to show before "Show all". */
  initial: number;
  /** Names the list for screen readers, e.g. "Sets ending soon". */
  label: string;
  className?: string;
  itemKey(item: T): string;
  children(item: T): ComponentChildren;
}

/** Past this many rows even "Show all" shows only this many: the export has the rest. */
export const MAX_SHOWN = 500;

export function CappedList<T>({ items, initial, label, className, itemKey, children }: Props<T>) {
  const [expanded, setExpanded] = useState(false);
  const limit = expanded ? MAX_SHOWN : initial;
  const shown = items.slice(0, limit);
  return (
    <>
      <ul class={className} aria-label={label}>
        {shown.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
      {!expanded && items.length > initial && (
        <button type="button" class="link-button show-all" onClick={() => setExpanded(true)}>
          Show all ({formatNumber(items.length)})
        </button>
      )}
      {expanded && items.length > MAX_SHOWN && (
        <p class="muted small">
          Showing the first {formatNumber(MAX_SHOWN)} of {formatNumber(items.length)}; Export CSV has them all.
        </p>
      )}
    </>
  );
}
