/**
 * Timing hooks for bench/sync.bench.ts, on the worker's global as `letrsBench`. Only the bench
 * build (`wxt build --mode bench`, into .output/chrome-mv3-bench) includes them: index.ts calls
 * exposeBenchHooks() under `import.meta.env.MODE === 'bench'`, which the production build drops.
 * They run the real code paths (the router with a letrs.com tab sender, update()) and time them
 * where the work happens, inside Chromium's service worker with its real IndexedDB.
 */
import { browser } from 'wxt/browser';
import type { CachedSet, LicenseDatabase } from '../../lib/db';
import type { PageRead } from '../../lib/page-read';
import { routeMessage } from './router';
import { update } from './update';

export interface BenchHooks {
  clear(): Promise<void>;
  seed(sets: CachedSet[]): Promise<void>;
  /** ms from the router receiving a letrs:sync to its reply (transaction committed, badge drawn). */
  sync(read: PageRead, url: string): Promise<{ ms: number; reply: unknown }>;
  /** ms to recompute every cached set and draw the badge as of `now`. */
  update(now: number): Promise<number>;
  count(): Promise<number>;
}

export function exposeBenchHooks(db: LicenseDatabase): void {
  const hooks: BenchHooks = {
    async clear() {
      await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
    },
    async seed(sets) {
      await db.sets.bulkPut(sets);
    },
    async sync(read, url) {
      const start = performance.now();
      const reply = await routeMessage(db, { type: 'letrs:sync', read }, { id: browser.runtime.id, url, tab: {} });
      return { ms: performance.now() - start, reply };
    },
    async update(now) {
      const start = performance.now();
      await update(db, new Date(now));
      return performance.now() - start;
    },
    count: () => db.sets.count(),
  };
  (globalThis as unknown as { letrsBench: BenchHooks }).letrsBench = hooks;
}
