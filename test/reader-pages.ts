/** Loads sample pages into happy-dom documents for the reader's tests (no page script runs). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PAGES = resolve(import.meta.dirname, 'fixtures/pages');
export const HOSTILE = resolve(import.meta.dirname, 'fixtures/hostile');

/** A document parsed from HTML (DOMParser documents never run scripts). */
export function documentOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixture(name: string): Document {
  return documentOf(readFileSync(resolve(PAGES, `${name}.html`), 'utf8'));
}

export function hostile(name: string): Document {
  return documentOf(readFileSync(resolve(HOSTILE, `${name}.html`), 'utf8'));
}

export interface Expected {
  isLicensesPage: boolean;
  organization: string | null;
  complete: boolean;
  sets: Record<string, unknown>[];
}

export function expected(name: string): Expected {
  return JSON.parse(readFileSync(resolve(PAGES, `${name}.expected.json`), 'utf8'));
}
