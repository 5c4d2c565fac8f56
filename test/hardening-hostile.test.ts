// @vitest-environment happy-dom
/**
 * The hostile corpus, counted, and the hostile pages too big to commit: every committed hostile
 * page is asserted by name somewhere in the tests, and pages nested 3,000 elements deep never
 * make the reader throw. (The 20 MB pages run in Chromium: test/e2e/hardening-huge-pages.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLicensesPage } from '../lib/reader/index';
import { deepPage, deepUnclosedPage } from './hardening-pages';
import { documentOf, HOSTILE } from './reader-pages';

describe('hostile corpus', () => {
  it('has at least 25 pages, each named in an assertion of a test', () => {
    const pages = readdirSync(HOSTILE)
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.slice(0, -'.html'.length));
    expect(pages.length).toBeGreaterThanOrEqual(25);
    const tests = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(resolve(import.meta.dirname, f), 'utf8'))
      .join('\n');
    expect(pages.filter((name) => !tests.includes(`'${name}'`))).toEqual([]);
  });
});

describe('deeply nested pages', () => {
  it('reads a set 3,000 divs deep', () => {
    const read = readLicensesPage(documentOf(deepPage(3000)));
    expect(read.sets).toEqual([
      expect.objectContaining({ track: 'LETRS', name: 'Deep Cohort', licenses: 25, assigned: 5, pageStatus: 'active' }),
    ]);
    expect(read.complete).toBe(true);
  });

  it('never throws on 3,000 unclosed mixed tags: reads the set right or refuses the page, saying why', () => {
    const read = readLicensesPage(documentOf(deepUnclosedPage(3000)));
    // happy-dom's querySelectorAll recurses per level and runs out of stack about 5,000 levels
    // deep (the parser nests unclosed tables and lists further than 3,000): the reader then
    // answers an incomplete, empty read with a readable error. Chromium caps nesting at 512
    // levels and reads the set (test/e2e/hardening-huge-pages.test.ts).
    if (read.sets.length === 0) {
      expect(read.complete).toBe(false);
      expect(read.diagnostics[0].message).toMatch(/^The page could not be read \(.+\)\.$/);
    } else {
      expect(read.sets).toEqual([expect.objectContaining({ name: 'Buried Cohort', licenses: 25, assigned: 5 })]);
    }
  });
});
