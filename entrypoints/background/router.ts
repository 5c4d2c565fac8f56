/**
 * The ONE message router of the background worker. Every message is checked (size, shape, then
 * sender) before anything is read or written; a refused or failed message gets
 * `{ ok: false, error }` with a reason a person can act on. It never throws.
 */
import { browser } from 'wxt/browser';
import { cacheCsv } from '../../lib/cache-csv';
import { localToday } from '../../lib/dates';
import type { LicenseDatabase } from '../../lib/db';
import { parseMessage, type Reply } from '../../lib/messages';
import { type Sender, senderRefusal } from '../../lib/sender';
import { applySync } from '../../lib/store';
import { update } from './update';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function routeMessage(
  db: LicenseDatabase,
  message: unknown,
  sender: Sender,
  now: Date = new Date(),
): Promise<Reply> {
  try {
    const parsed = parseMessage(message);
    if (!parsed.ok) return parsed;
    const refusal = senderRefusal(parsed.message.type, sender, {
      id: browser.runtime.id,
      origin: browser.runtime.getURL('/'),
    });
    if (refusal) return { ok: false, error: refusal };

    switch (parsed.message.type) {
      case 'letrs:sync': {
        let result: Awaited<ReturnType<typeof applySync>>;
        try {
          result = await applySync(db, parsed.message.read, { url: sender.url ?? '', now });
        } catch (error) {
          return {
            ok: false,
            error: `The extension could not save what the page showed (${reason(error)}). Reload the page to try again.`,
          };
        }
        // The read is saved; a badge or notification failure must not make the page think otherwise.
        await update(db, now).catch((error) => console.warn('LETRS License Tracker: update failed:', error));
        return { ok: true, applied: result.applied, settings: result.settings, lastSyncAt: result.lastSyncAt };
      }
      case 'letrs:export-csv':
        return { ok: true, ...(await cacheCsv(db, localToday(now))) };
      case 'letrs:refresh':
        await update(db, now);
        return { ok: true };
    }
  } catch (error) {
    return { ok: false, error: `The extension could not handle the request (${reason(error)}). Try again.` };
  }
}
