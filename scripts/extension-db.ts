/**
 * Writes rows straight into the extension's IndexedDB from one of its pages (Dexie is not
 * importable inside page.evaluate, the raw IndexedDB API is). Used by the popup end-to-end tests,
 * the screenshots and the popup benchmark to start from a known cache without a sync.
 * Open an extension page first: the page's Dexie creates the database and its tables.
 */
import type { Page } from 'playwright-core';
import { DB_NAME, SCHEMA_VERSION } from '../lib/db';

/** Rows per table; `clear` empties each named table first. */
export interface CacheRows {
  sets?: unknown[];
  meta?: unknown[];
  settings?: unknown[];
  syncLog?: unknown[];
  history?: unknown[];
  notifications?: unknown[];
  clear?: boolean;
}

/** Writes the rows in one IndexedDB transaction; resolves with the number of sets afterwards. */
export async function writeCache(page: Page, rows: CacheRows): Promise<number> {
  return page.evaluate(
    ({ name, rows }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tables = Object.keys(rows).filter((t) => t !== 'clear');
          const tx = db.transaction([...new Set([...tables, 'sets'])], 'readwrite');
          for (const table of tables) {
            const store = tx.objectStore(table);
            if (rows.clear) store.clear();
            for (const row of (rows as Record<string, unknown[]>)[table]) store.put(row);
          }
          const count = tx.objectStore('sets').count();
          tx.oncomplete = () => {
            db.close();
            resolve(count.result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, rows },
  );
}

/** Waits until the page's Dexie has created the database (the popup opens it on load). Never creates it itself. */
export async function waitForDatabase(page: Page): Promise<void> {
  await page.waitForFunction(
    // Dexie stores version n as IndexedDB version n × 10.
    async ({ name, version }) =>
      (await indexedDB.databases()).some((db) => db.name === name && (db.version ?? 0) >= version),
    { name: DB_NAME, version: SCHEMA_VERSION * 10 },
  );
}

/** Every table of the cache, read with raw IndexedDB in one transaction; null while the database does not exist. */
export async function readCache<T>(page: Page): Promise<T | null> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return null;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const out: Record<string, unknown[]> = {};
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((ok, fail) => {
            const all = tx.objectStore(n).getAll();
            all.onsuccess = () => {
              out[n] = all.result;
              ok();
            };
            all.onerror = () => fail(all.error);
          }),
      ),
    );
    db.close();
    return out;
  }, DB_NAME) as Promise<T | null>;
}
