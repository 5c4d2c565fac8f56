/**
 * Runs the built extension in Debian's Chromium against pages served at the real LETRS host.
 *
 * Pages are served over HTTPS on 127.0.0.1 with a certificate made at run time, and Chromium
 * resolves `*.letrs.com` to that server, so the production manifest (host permission
 * `https://*.letrs.com/*`) is exactly what gets tested. Used by the end-to-end tests, the demo
 * and the benchmarks. No browser is ever downloaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
export const INSTALL_HINT = 'Chromium is missing. Install it with: sudo apt-get install -y chromium';

/** A page the server answers with: its HTML, or a function of the request path. */
export type Pages = Record<string, string> | ((path: string) => string | undefined);

export interface LetrsServer {
  port: number;
  /** Replaces what a path serves, for tests that change the page between visits. */
  setPage(path: string, html: string): void;
  close(): Promise<void>;
}

/** A self-signed certificate for *.letrs.com, made with openssl in a temporary folder. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'letrs-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=letrs.com',
        '-addext',
        'subjectAltName=DNS:letrs.com,DNS:*.letrs.com',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves `pages` over HTTPS on a free loopback port. Unknown paths get a 404 page. */
export async function startLetrsServer(pages: Pages): Promise<LetrsServer> {
  const overrides = new Map<string, string>();
  const lookup = (path: string) => overrides.get(path) ?? (typeof pages === 'function' ? pages(path) : pages[path]);
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', 'https://letrs.com').pathname;
    const html = lookup(path);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? '<!doctype html><title>Not found</title><h1>Page not found</h1>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    setPage: (path, html) => overrides.set(path, html),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (starts it again if it was stopped). */
  worker(): Promise<Worker>;
  /** Opens an extension page such as `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops every service worker, as Chrome does to an idle extension (CDP ServiceWorker.stopAllWorkers). */
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The port of a LetrsServer: `*.letrs.com` resolves to it. */
  port: number;
  headed?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** Extra Chromium switches, e.g. `--force-dark-mode`. */
  args?: string[];
}

/** Launches Chromium with the built extension in a fresh profile. */
export async function launchExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'letrs-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP *.letrs.com 127.0.0.1:${options.port},MAP letrs.com 127.0.0.1:${options.port}`,
      '--ignore-certificate-errors',
      ...(options.args ?? []),
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(firstWorker.url()).host;

  async function worker(): Promise<Worker> {
    const alive = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (alive) return alive;
    // Opening an extension page wakes the worker up again.
    const page = await context.newPage();
    const woken = context.waitForEvent('serviceworker', { timeout: 30_000 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const result = await woken;
    await page.close();
    return result;
  }

  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopWorkers() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
