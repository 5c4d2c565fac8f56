/**
 * The content script on https://*.letrs.com/*: watches the Manage Licenses page and sends what
 * it shows to the background (lib/page-watcher.ts does the work; this file only wires it up).
 * On other LETRS pages it does nothing beyond a cheap look for the licenses page.
 */
import { browser } from 'wxt/browser';
import type { SyncMessage, SyncReply } from '../../lib/messages';
import { watchPage } from '../../lib/page-watcher';

export default defineContentScript({
  matches: ['https://*.letrs.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage({
      window,
      document,
      send: (message: SyncMessage) => browser.runtime.sendMessage(message) as Promise<SyncReply | undefined>,
      onRead: (_read, _reply, _rows) => {
        // OVERLAY: the overlay is wired here (components/overlay): update it with each read,
        // the background's reply (settings, lastSyncAt) and the rows' elements.
      },
    });
    // WXT notices SPA route changes (pushState) that fire no popstate.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.locationChanged());
    ctx.onInvalidated(() => watcher.stop());
  },
});
