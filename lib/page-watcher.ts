/**
 * Keeps the background up to date with what the Manage Licenses page shows. The LETRS app is a
 * single-page app: the page renders after load, re-renders, and changes route without a reload.
 * So the watcher reads again after the DOM settles (a debounced MutationObserver), after route
 * changes (popstate, hashchange, and WXT's location-change event passed in by the content
 * script), and sends a read only when it is complete and differs from the last one sent.
 *
 * On other LETRS pages it only keeps a cheap check (is there a "Licenses" title yet?) on added
 * nodes; the full read and the attribute/text observation run only on the licenses page.
 * Mutations inside the extension's own elements (`data-letrs-tracker`, the overlay) are ignored,
 * so the overlay never makes the page read itself again.
 *
 * DOM only: window and document are passed in (happy-dom in tests), messaging is a callback.
 */
import type { SyncMessage, SyncReply } from './messages';
import type { PageRead } from './page-read';
import { type PageReading, type ReadRow, readLicensesPageWithRows } from './reader/index';
import { BRAND, NOT_TITLE, TITLE } from './reader/words';

/** The attribute on every element the extension puts into the page. */
export const TRACKER_ATTRIBUTE = 'data-letrs-tracker';

export interface WatchOptions {
  window: Window & typeof globalThis;
  document: Document;
  /** Sends a read to the background and resolves to its reply (undefined when none came). */
  send: (message: SyncMessage) => Promise<SyncReply | undefined>;
  /**
   * Called after every full read, with the reply to the latest read sent (null before any, or
   * when sending failed) and the element of each set. The overlay hooks in here.
   */
  onRead?: (read: PageRead, reply: SyncReply | null, rows: readonly ReadRow[]) => void;
  /** The reader (readLicensesPageWithRows unless a test gives another). */
  read?: (document: Document) => PageReading;
  /** Quiet time after the last mutation before reading. */
  debounceMs?: number;
  /** Longest wait while mutations keep coming (a ticking clock must not starve the reader). */
  maxWaitMs?: number;
}

export interface PageWatcher {
  /** Reads soon (debounced), as after a mutation. */
  refresh(): void;
  /** The page's location changed (WXT's wxt:locationchange): read soon. */
  locationChanged(): void;
  /** Stops observing, listening and timing. */
  stop(): void;
}

export const DEBOUNCE_MS = 400;
export const MAX_WAIT_MS = 3000;

/**
 * A cheap look for the licenses page, as the reader decides it (lib/reader/page.ts): a top
 * heading that says Licenses; with no top heading (or only the app's name), the first level-2
 * heading or the document title. The full read decides; this only says whether one is worth doing.
 */
export function mayBeLicensesPage(document: Document): boolean {
  const says = (text: string | null | undefined) => TITLE.test(text ?? '') && !NOT_TITLE.test(text ?? '');
  const top: Element[] = [...document.getElementsByTagName('h1')].slice(0, 5);
  top.push(...document.querySelectorAll('[role="heading"][aria-level="1"]'));
  const texts = top.map((h) => (h.textContent ?? '').trim()).filter((t) => t && !BRAND.test(t));
  if (texts.length > 0) return texts.some(says);
  const second = document.getElementsByTagName('h2')[0];
  return says(second?.textContent) || says(document.title);
}

function isOurs(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return element?.closest(`[${TRACKER_ATTRIBUTE}]`) != null;
}

/** A mutation that changes the page's own content (not only the extension's elements). */
function concernsPage(record: MutationRecord): boolean {
  if (record.type !== 'childList') return !isOurs(record.target);
  if (isOurs(record.target)) return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  // The overlay adding or removing its hosts inside a page row.
  return nodes.length === 0 || nodes.some((n) => !(n.nodeType === 1 && (n as Element).hasAttribute(TRACKER_ATTRIBUTE)));
}

const NOT_LICENSES_PAGE: PageRead = {
  isLicensesPage: false,
  complete: false,
  organization: null,
  tracks: [],
  sets: [],
  diagnostics: [{ level: 'info', message: 'This is not the Manage Licenses page.' }],
};

const FULL: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'aria-busy', 'style', 'open', 'aria-selected', 'role'],
};
const LIGHT: MutationObserverInit = { childList: true, subtree: true };

/** Starts watching the page; reads it once soon. */
export function watchPage(options: WatchOptions): PageWatcher {
  const { window, document, send, onRead } = options;
  const read = options.read ?? ((doc: Document) => readLicensesPageWithRows(doc));
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  let lastSent: string | null = null;
  let lastReply: SyncReply | null = null;
  let mode: 'full' | 'light' | null = null;
  let timer: number | null = null;
  let waitingSince: number | null = null;
  let stopped = false;

  const observer = new window.MutationObserver((records) => {
    if (records.some(concernsPage)) schedule();
  });

  function observe(next: 'full' | 'light'): void {
    if (mode === next || stopped) return;
    observer.disconnect();
    observer.observe(document.documentElement ?? document, next === 'full' ? FULL : LIGHT);
    mode = next;
  }

  function schedule(delay = debounceMs): void {
    if (stopped) return;
    const now = Date.now();
    waitingSince ??= now;
    if (timer !== null) window.clearTimeout(timer);
    const left = Math.max(0, Math.min(delay, waitingSince + maxWaitMs - now));
    timer = window.setTimeout(run, left);
  }

  function run(): void {
    timer = null;
    waitingSince = null;
    if (stopped) return;
    if (!mayBeLicensesPage(document)) {
      // Left the licenses page (a route change): say so once, so the overlay can take itself away.
      if (mode === 'full') onRead?.(NOT_LICENSES_PAGE, lastReply, []);
      observe('light');
      return;
    }
    const { read: page, rows } = read(document);
    observe(page.isLicensesPage ? 'full' : 'light');
    if (!page.isLicensesPage || !page.complete) {
      onRead?.(page, lastReply, rows);
      return;
    }
    const json = JSON.stringify(page);
    if (json === lastSent) {
      onRead?.(page, lastReply, rows);
      return;
    }
    lastSent = json;
    send({ type: 'letrs:sync', read: page }).then(
      (reply) => {
        lastReply = reply ?? null;
        // A refused read may be sent again once the page changes back.
        if (!reply?.ok) lastSent = null;
        if (!stopped) onRead?.(page, lastReply, rows);
      },
      () => {
        // The extension was reloaded or the background is gone: try again on the next change.
        lastSent = null;
        lastReply = null;
        if (!stopped) onRead?.(page, null, rows);
      },
    );
  }

  const onLocation = () => schedule();
  window.addEventListener('popstate', onLocation);
  window.addEventListener('hashchange', onLocation);
  observe('light');
  schedule(0);

  return {
    refresh: () => schedule(),
    locationChanged: onLocation,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== null) window.clearTimeout(timer);
      window.removeEventListener('popstate', onLocation);
      window.removeEventListener('hashchange', onLocation);
    },
  };
}
