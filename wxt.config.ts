import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// One extension for Chrome and Firefox. Permissions are the minimum the code uses:
// storage (IndexedDB quota + settings), alarms (daily recompute); notifications is optional.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'LETRS License Tracker',
    description: 'Tracks LETRS license sets: days left, unassigned licenses, expiry warnings and CSV export.',
    permissions: ['storage', 'alarms'],
    optional_permissions: ['notifications'],
    host_permissions: ['https://*.letrs.com/*'],
    action: { default_title: 'LETRS License Tracker' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'letrs-license-tracker@letrs-tracker.invalid',
              strict_min_version: '142.0',
              // Firefox asks every add-on to declare what it collects: nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
