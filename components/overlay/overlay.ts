/**
 * The overlay on the Manage Licenses page: a chip beside each set row and the summary bar, kept
 * in step with every read of the page. One object per document; `update` after each read,
 * `remove` when the person leaves the page. Not the licenses page → nothing is shown at all.
 */
import { type CalendarDate, localToday } from '../../lib/dates';
import { DEFAULT_WARNING_WINDOW } from '../../lib/license';
import type { PageRead } from '../../lib/page-read';
import { type BarServices, SummaryBar } from './bar';
import { barModel } from './bar-model';
import { ChipLayer, type OverlayRow } from './chips';

export type { OverlayRow } from './chips';

export interface OverlayOptions extends BarServices {
  /** The bar starts collapsed (the remembered choice). */
  collapsed: boolean;
}

export interface OverlayUpdate {
  read: PageRead;
  /** The sets of `read` with the elements they were read from. */
  rows: readonly OverlayRow[];
  /** From the background's settings; the default when the background did not answer. */
  warningWindow?: number;
  lastSyncAt?: string | null;
  /** Why the background did not save the read, or null. */
  syncError?: string | null;
  /** For tests: the day and instant to show the page as of. */
  today?: CalendarDate;
  now?: Date;
}

export interface Overlay {
  update(update: OverlayUpdate): void;
  remove(): void;
}

/** The page's address without query or fragment, for the copied details. */
function pageUrl(doc: Document): string {
  const { origin, pathname } = doc.location ?? { origin: '', pathname: '' };
  return `${origin}${pathname}`;
}

export function createOverlay(doc: Document, options: OverlayOptions): Overlay {
  const chips = new ChipLayer(doc);
  let bar: SummaryBar | null = null;
  let collapsed = options.collapsed;
  const services: BarServices = {
    requestCsv: options.requestCsv,
    saveCollapsed: (value) => {
      collapsed = value;
      return options.saveCollapsed(value);
    },
  };

  function remove(): void {
    chips.remove();
    bar?.remove();
    bar = null;
  }

  function update(next: OverlayUpdate): void {
    if (!next.read.isLicensesPage) {
      remove();
      return;
    }
    const now = next.now ?? new Date();
    const today = next.today ?? localToday(now);
    const warningWindow = next.warningWindow ?? DEFAULT_WARNING_WINDOW;
    const model = barModel({
      read: next.read,
      today,
      warningWindow,
      lastSyncAt: next.lastSyncAt ?? null,
      syncError: next.syncError ?? null,
      pageUrl: pageUrl(doc),
      now,
    });
    // Chips first: on a long page they read the rows' positions, which the bar would move.
    chips.sync(next.rows, today, warningWindow);
    bar ??= new SummaryBar(doc, services, collapsed);
    bar.update(model, { read: next.read, today, warningWindow });
  }

  return { update, remove };
}
