/**
 * The background worker: caches every read of the Licenses page, keeps statuses true as days
 * pass, draws the toolbar badge and sends opt-in notifications. Thin wiring; see listeners.ts.
 */
import { LicenseDatabase } from '../../lib/db';
import { registerBackground } from './listeners';

export default defineBackground(() => {
  registerBackground(new LicenseDatabase());
});
