/**
 * A list that shows its first few items and a "Show all (N)" button, so a cache of 10,000 sets
 * renders a handful of rows until someone asks for more. The model already cut the list at
 * MAX_LISTED; `total` is how many there are in all.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../../lib/format';
import type { Capped } from '../../lib/popup-model';

interface Props<T> {
  list: Capped<T>;
  /** How many to show before "Show all". */
  initial: number;
  /** Names the list for screen readers, e.g. "Sets ending soon". */
  label: string;
  className?: string;
  itemKey(item: T): string;
  children(item: T): ComponentChildren;
}

export function CappedList<T>({ list, initial, label, className, itemKey, children }: Props<T>) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? list.items : list.items.slice(0, initial);
  return (
    <>
      <ul class={className} aria-label={label}>
        {shown.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
      {!expanded && list.total > initial && (
        <button type="button" class="link-button show-all" onClick={() => setExpanded(true)}>
          Show all ({formatNumber(list.total)})
        </button>
      )}
      {expanded && list.total > list.items.length && (
        <p class="muted small">
          Showing the first {formatNumber(list.items.length)} of {formatNumber(list.total)}; Export CSV has them all.
        </p>
      )}
    </>
  );
}
