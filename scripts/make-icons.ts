/**
 * Draws the toolbar and store icons (public/icon/{16,32,48,128}.png) from one SVG, rendered by
 * Chromium so the PNGs are real raster images at each size. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser';

// A license card (white) with a calendar strip and a clock badge: "licenses with a deadline".
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" role="img" aria-label="LETRS License Tracker"><title>LETRS License Tracker</title>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1d4f91"/>
  <rect x="22" y="26" width="64" height="78" rx="8" fill="#ffffff"/>
  <rect x="22" y="26" width="64" height="18" rx="8" fill="#9cc3f0"/>
  <rect x="32" y="54" width="44" height="7" rx="3.5" fill="#1d4f91"/>
  <rect x="32" y="68" width="32" height="7" rx="3.5" fill="#1d4f91"/>
  <rect x="32" y="82" width="38" height="7" rx="3.5" fill="#1d4f91"/>
  <circle cx="90" cy="88" r="28" fill="#f2a900" stroke="#1d4f91" stroke-width="6"/>
  <path d="M90 72 V89 L101 96" stroke="#1d4f91" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml,${encodeURIComponent(svg)}" width="${size}" height="${size}">`,
  );
  const png = await page.screenshot({ omitBackground: true });
  writeFileSync(resolve(import.meta.dirname, `../public/icon/${size}.png`), png);
}
writeFileSync(resolve(import.meta.dirname, '../public/icon/icon.svg'), svg);
await browser.close();
