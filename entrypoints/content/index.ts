/**
 * The content script on https://*.letrs.com/*: watches the Manage Licenses page and sends what
 * it shows to the background (lib/page-watcher.ts does the work; this file only wires it up).
 * On other LETRS pages it does nothing beyond a cheap look for the licenses page.
 */
import { browser } from 'wxt/browser';
import { connectOverlay } from '../../components/overlay/extension';
import type { SyncMessage, SyncReply } from '../../lib/messages';
import { watchPage } from '../../lib/page-watcher';

export default defineContentScript({
  matches: ['https://*.letrs.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const overlay = connectOverlay(document, browser);
    const watcher = watchPage({
      window,
      document,
      send: (message: SyncMessage) => browser.runtime.sendMessage(message) as Promise<SyncReply | undefined>,
      // The overlay (components/overlay): chips beside the rows and the summary bar, after each read.
      onRead: overlay.show,
    });
    // WXT notices SPA route changes (pushState) that fire no popstate.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.locationChanged());
    ctx.onInvalidated(() => {
      watcher.stop();
      overlay.remove();
    });
  },
});
