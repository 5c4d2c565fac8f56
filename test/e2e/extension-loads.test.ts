import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, type LetrsServer, launchExtension, startLetrsServer } from '../../scripts/browser';

let server: LetrsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startLetrsServer({ '/hello': '<!doctype html><title>LETRS</title><h1>Hello from letrs.com</h1>' });
  browser = await launchExtension({ port: server.port });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('starts the service worker of the production build', async () => {
  const worker = await browser.worker();
  expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  // The worker runs in Chromium: `chrome` is its global there, not in Node.
  const manifest = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.name).toBe('LETRS License Tracker');
  expect(manifest.host_permissions).toEqual(['https://*.letrs.com/*']);
  expect(manifest.permissions).toEqual(['storage', 'alarms']);
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(Object.keys(manifest.icons as object)).toEqual(['16', '32', '48', '128']);
});

it('opens popup.html with no console errors', async () => {
  const errors: string[] = [];
  const page = await browser.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForLoadState('load');
  await expect.poll(() => page.locator('body').textContent()).toContain('LETRS');
  expect(errors).toEqual([]);
  await page.close();
});

it('serves pages at the real host over HTTPS', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://district.letrs.com/hello');
  expect(await page.locator('h1').textContent()).toBe('Hello from letrs.com');
  expect(page.url()).toBe('https://district.letrs.com/hello');
  await page.close();
});
