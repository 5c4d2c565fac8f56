/**
 * What the overlay needs from the extension, with the browser API passed in (the content script
 * passes `browser`, tests a stub): the whole cache as CSV from the background, the bar's
 * collapsed state in storage.local, and what a `letrs:sync` reply says for the bar. Replies are
 * checked before use: a missing or malformed answer becomes a reason shown to the person.
 */
import type { ExportCsvReply, SyncReply } from '../../lib/messages';
import type { PageRead } from '../../lib/page-read';
import { MAX_DAYS, MIN_DAYS } from '../../lib/settings';
import type { OverlayRow } from './chips';
import { createOverlay, type Overlay, type OverlayOptions, type OverlayUpdate } from './overlay';

export const COLLAPSED_KEY = 'overlayCollapsed';

export interface OverlayApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function errorOf(reply: unknown, fallback: string): string {
  return isObject(reply) && reply.ok === false && typeof reply.error === 'string' && reply.error
    ? reply.error.slice(0, 300)
    : fallback;
}

/** The overlay's options, the collapsed state read from storage (expanded when it cannot be read). */
export async function overlayOptions(api: OverlayApi): Promise<OverlayOptions> {
  let collapsed = false;
  try {
    collapsed = (await api.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] === true;
  } catch {
    collapsed = false;
  }
  return {
    collapsed,
    saveCollapsed: (value) => api.storage.local.set({ [COLLAPSED_KEY]: value }),
    async requestCsv() {
      let reply: unknown;
      try {
        reply = (await api.runtime.sendMessage({ type: 'letrs:export-csv' })) as ExportCsvReply | undefined;
      } catch (error) {
        throw new Error(`the extension did not answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (
        !isObject(reply) ||
        reply.ok !== true ||
        typeof reply.csv !== 'string' ||
        typeof reply.filename !== 'string' ||
        !/^[\w.-]{1,100}\.csv$/.test(reply.filename)
      ) {
        throw new Error(errorOf(reply, 'the extension gave no CSV'));
      }
      return { filename: reply.filename, csv: reply.csv };
    },
  };
}

const NOT_SAVED = 'the page was not fully read, so your saved data was kept as it was';

/**
 * What the bar shows from the background's answer to `letrs:sync`: the warning window, when
 * the cache was last written, and why this read was not saved (refused, incomplete, no answer).
 * An incomplete read is never sent; `reply` is then the answer to the last read that was.
 */
export function fromSyncReply(
  reply: SyncReply | unknown,
  read?: Pick<PageRead, 'complete'>,
): Pick<OverlayUpdate, 'warningWindow' | 'lastSyncAt' | 'syncError'> {
  const sent = read?.complete !== false;
  if (!isObject(reply) || reply.ok !== true) {
    return { syncError: sent ? errorOf(reply, 'the extension did not answer') : NOT_SAVED, lastSyncAt: null };
  }
  const settings = isObject(reply.settings) ? reply.settings : {};
  const window = settings.warningWindow;
  return {
    warningWindow:
      typeof window === 'number' && Number.isInteger(window) && window >= MIN_DAYS && window <= MAX_DAYS
        ? window
        : undefined,
    lastSyncAt: typeof reply.lastSyncAt === 'string' ? reply.lastSyncAt : null,
    syncError: !sent || reply.applied === false ? NOT_SAVED : null,
  };
}

export interface PageOverlay {
  /** After each read of the page (the page watcher's onRead): shows it, or takes the overlay away. */
  show(read: PageRead, reply: SyncReply | null, rows: readonly OverlayRow[]): void;
  remove(): void;
}

/**
 * The overlay of one page, made on the first read of the licenses page (so other pages cost
 * nothing, not even a storage read) and updated in the order the reads came.
 */
export function connectOverlay(doc: Document, api: OverlayApi): PageOverlay {
  let ready: Promise<Overlay> | null = null;
  let removed = false;
  return {
    show(read, reply, rows) {
      if (removed || (!ready && !read.isLicensesPage)) return;
      ready ??= overlayOptions(api).then((options) => createOverlay(doc, options));
      void ready.then((overlay) => {
        if (!removed) overlay.update({ read, rows, ...fromSyncReply(reply, read) });
      });
    },
    remove() {
      removed = true;
      void ready?.then((overlay) => overlay.remove());
    },
  };
}
