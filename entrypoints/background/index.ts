/**
 * The background worker: caches every read of the Licenses page, keeps statuses true as days
 * pass, draws the toolbar badge and sends opt-in notifications. Thin wiring; see listeners.ts.
 */
import { LicenseDatabase } from '../../lib/db';
import { exposeBenchHooks } from './bench-hooks';
import { registerBackground } from './listeners';

export default defineBackground(() => {
  const db = new LicenseDatabase();
  registerBackground(db);
  // Only in `wxt build --mode bench` (bench/sync.bench.ts); the production build drops it.
  if (import.meta.env.MODE === 'bench') exposeBenchHooks(db);
});
