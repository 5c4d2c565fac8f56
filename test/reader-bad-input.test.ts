// @vitest-environment happy-dom
/**
 * Bad input: garbled and negative counts, impossible dates, duplicate names, hidden and scripted
 * decoys, broken markup, an empty page and a megabyte of junk. The reader never throws, never
 * invents a value, says what it could not read, and marks a read that may have missed something
 * incomplete.
 */
import { describe, expect, it } from 'vitest';
import type { PageRead } from '../lib/page-read';
import { readLicensesPage } from '../lib/reader/index';
import { documentOf, hostile } from './reader-pages';

const byName = (read: PageRead, name: string) => read.sets.find((s) => s.name === name);
const messages = (read: PageRead) => read.diagnostics.map((d) => d.message).join('\n');

/** A licenses page with one track, one group and the given rows (card markup like the sample). */
function page(rows: string[], group = 'Active'): Document {
  const cards = rows.map(
    (row, i) =>
      `<div class="r${i}"><div><div>${row.split('|')[0]}</div><div>${row.split('|')[1] ?? ''}</div></div><div>${row.split('|')[2] ?? ''}</div></div>`,
  );
  return documentOf(
    `<!doctype html><title>Manage Licenses</title><h1>Manage Licenses</h1><section><h2>LETRS</h2><h3>${group}</h3>${cards.join('')}</section>`,
  );
}

describe('counts that are not plain whole numbers', () => {
  it.each([
    ['count-unicode-minus', 'Minus Cohort', '−5'],
    ['count-hyphen-minus', 'Hyphen Cohort', '-5'],
    ['count-exponent', 'Exponent Cohort', '1e9'],
    ['count-huge', 'Huge Cohort', '99,999,999,999'],
    ['count-arabic-digits', 'Arabic Digits Cohort', '٥٠'],
  ])('%s: licenses is null, named in a diagnostic, and the next row still reads', (file, name, shown) => {
    const read = readLicensesPage(hostile(file));
    expect(byName(read, name)?.licenses).toBeNull();
    expect(messages(read)).toContain(`'${name}' (${shown}`);
    expect(byName(read, 'Fine Cohort')?.licenses).toBe(50);
  });

  it('reads a negative assigned count as null too', () => {
    const read = readLicensesPage(hostile('count-hyphen-minus'));
    expect(byName(read, 'Hyphen Cohort')).toMatchObject({ licenses: null, assigned: null, completed: null });
  });

  it('reads a number with an invisible zero-width space as the number shown', () => {
    expect(byName(readLicensesPage(hostile('count-zero-width')), 'ZW Cohort')?.licenses).toBe(1250);
  });

  it('reads "1.5", "1,25" and a missing count as null, never a guess', () => {
    const read = readLicensesPage(
      page([
        'Half Cohort|Jul 1, 2026 – Jun 30, 2027|1.5 licenses 1 assigned',
        'Comma Cohort|Jul 1, 2026 – Jun 30, 2027|1,25 licenses 1 assigned',
        'Dash Cohort|Jul 1, 2026 – Jun 30, 2027|— licenses 1 assigned',
      ]),
    );
    expect(read.sets.map((s) => s.licenses)).toEqual([null, null, null]);
    expect(messages(read)).toContain("1 row had no license count: 'Dash Cohort'");
    expect(messages(read)).toContain("'Half Cohort' (1.5 licenses)");
  });
});

describe('dates', () => {
  it('keeps the good half of a range with an impossible date and says so', () => {
    const read = readLicensesPage(hostile('date-feb-30'));
    expect(byName(read, 'Leap Trouble Cohort')).toMatchObject({ startDate: '2026-03-01', endDate: null });
    expect(messages(read)).toContain("1 row had a date that does not exist: 'Leap Trouble Cohort'");
  });

  it('takes a lone unlabelled date under Upcoming as the start date, and guesses at none elsewhere', () => {
    const upcoming = readLicensesPage(page(['Next Cohort|Aug 1, 2027|60 licenses 0 assigned'], 'Upcoming'));
    expect(upcoming.sets[0]).toMatchObject({ startDate: '2027-08-01', endDate: null, pageStatus: 'upcoming' });
    const active = readLicensesPage(page(['Odd Cohort|Aug 1, 2027|60 licenses 0 assigned']));
    expect(active.sets[0]).toMatchObject({ startDate: null, endDate: null });
    expect(messages(active)).toContain("had a date not marked as start or end: 'Odd Cohort' (2027-08-01)");
  });

  it('reads a date far in the future and refuses a year before 1000', () => {
    const read = readLicensesPage(hostile('date-far-future'));
    expect(byName(read, 'Far Cohort')?.endDate).toBe('9999-12-31');
    expect(byName(read, 'Ancient Cohort')).toMatchObject({ startDate: null, endDate: null });
  });
});

describe('decoys the page does not show', () => {
  it.each([
    ['hidden-decoys', ['Visible Cohort']],
    ['template-rows', ['Real Cohort']],
    ['decoy-json-script', ['Real Cohort']],
    ['style-and-svg-text', ['Real Cohort']],
    ['comment-rows', ['Real Cohort']],
    ['iframe-rows', ['Real Cohort']],
    ['script-injected-rows', ['Static Cohort']],
  ])('%s: reads only %j', (file, names) => {
    expect(readLicensesPage(hostile(file)).sets.map((s) => s.name)).toEqual(names);
  });

  it('keeps names that look like markup or formulas as the text they are', () => {
    expect(readLicensesPage(hostile('html-in-names')).sets.map((s) => s.name)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert("x")</script> Cohort',
      'Cohort & Friends <b>bold</b>',
    ]);
    expect(readLicensesPage(hostile('formula-names')).sets.map((s) => s.name)).toEqual([
      '=HYPERLINK("http://evil.invalid","Click")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd|calc',
    ]);
  });

  it('keeps emoji, and drops invisible direction overrides from names', () => {
    expect(readLicensesPage(hostile('emoji-names')).sets.map((s) => s.name)).toEqual([
      '📚 Reading Rockstars 🚀',
      'Cohort 👩‍🏫 ZWJ family 👨‍👩‍👧',
    ]);
    expect(readLicensesPage(hostile('rtl-marks')).sets.map((s) => s.name)).toEqual([
      'Cohort A cipe',
      'مجموعة المعلمين',
    ]);
  });

  it('shortens a name longer than 300 characters, marking the cut', () => {
    const name = readLicensesPage(hostile('long-name')).sets[0].name;
    expect(Array.from(name)).toHaveLength(300);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('page-level problems', () => {
  it('keeps every row of duplicate names and says so', () => {
    const read = readLicensesPage(hostile('duplicated-rows'));
    expect(read.sets.map((s) => s.licenses)).toEqual([50, 50, 75]);
    expect(messages(read)).toContain("3 rows are named 'Twin Cohort' in LETRS; all 3 were kept.");
  });

  it('reads rows that unclosed tags nested inside each other as two sets', () => {
    const read = readLicensesPage(hostile('unclosed-tags'));
    expect(read.sets.map((s) => [s.name, s.licenses, s.assigned, s.startDate])).toEqual([
      ['Unclosed Cohort', 50, 10, '2026-07-01'],
      ['Second Unclosed Cohort', 20, 5, '2026-08-01'],
    ]);
  });

  it('marks a loading page incomplete', () => {
    const read = readLicensesPage(hostile('loading-skeleton'));
    expect(read).toMatchObject({ isLicensesPage: true, complete: false, sets: [] });
  });

  it('does not take a page with only the title, or a People page, for the licenses page', () => {
    expect(readLicensesPage(hostile('only-heading'))).toMatchObject({ isLicensesPage: false, complete: false });
    expect(readLicensesPage(hostile('not-licenses-decoy'))).toMatchObject({ isLicensesPage: false, sets: [] });
  });

  it('reads a title worded differently ("Manage Licences and Subscriptions")', () => {
    expect(readLicensesPage(hostile('wrong-heading-words')).sets.map((s) => s.name)).toEqual(['Words Cohort']);
  });

  it('marks rows under no track heading incomplete', () => {
    const read = readLicensesPage(
      documentOf(
        '<h1>Manage Licenses</h1><h3>Active</h3><div><div>Lost Cohort</div><div>Jul 1, 2026 – Jun 30, 2027</div><div>5 licenses 1 assigned</div></div><div><div>Other Cohort</div><div>Jul 1, 2026 – Jun 30, 2027</div><div>5 licenses 1 assigned</div></div>',
      ),
    );
    expect(read.sets).toHaveLength(2);
    expect(read.sets[0].track).toBe('');
    expect(read.complete).toBe(false);
    expect(messages(read)).toContain('2 rows could not be placed under a license track; this read is incomplete.');
  });

  it('stops at maxSets and marks the read incomplete', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `Cohort ${i}|Jul 1, 2026 – Jun 30, 2027|5 licenses 1 assigned`);
    const read = readLicensesPage(page(rows), { maxSets: 3 });
    expect(read.sets).toHaveLength(3);
    expect(read.complete).toBe(false);
    expect(messages(read)).toContain('more than 3 license sets');
  });

  it('never throws on an empty page, an empty string or a megabyte of junk', () => {
    expect(readLicensesPage(hostile('empty'))).toMatchObject({ isLicensesPage: false, sets: [] });
    expect(readLicensesPage(documentOf(''))).toMatchObject({ isLicensesPage: false, sets: [] });
    // Junk in chunks: unclosed and stray tags, half counts, dates, entities, bidi overrides.
    const bits = [
      '<div>',
      '</span>',
      '<b>7</b> licenses',
      '−',
      '1e9',
      'Jul 1, 2026',
      '<table><td>',
      '&nbsp;',
      '<<>>',
      '\u202e',
    ];
    const parts = ['<h1>Manage Licenses</h1><h2>LETRS</h2><h3>Active</h3>'];
    for (let i = 0, size = 0; size < 1_000_000; i++) {
      const bit = bits[(i * 7919) % bits.length] + (i % 13 === 0 ? 'x' : '');
      const chunk = i % 40 === 0 ? `</section><section>${bit}` : bit;
      parts.push(chunk);
      size += chunk.length;
    }
    const read = readLicensesPage(documentOf(parts.join('')));
    for (const set of read.sets) {
      expect(set.licenses === null || set.licenses === 7).toBe(true);
      expect(set.startDate === null || set.startDate === '2026-07-01').toBe(true);
    }
    // happy-dom takes seconds to parse a megabyte; Chromium reads it in well under one.
  }, 30_000);

  it('answers with a readable error instead of throwing when the document itself fails', () => {
    const broken = {
      get body(): never {
        throw new Error('detached');
      },
    } as unknown as Document;
    const read = readLicensesPage(broken);
    expect(read).toMatchObject({ isLicensesPage: false, complete: false, sets: [] });
    expect(read.diagnostics[0]).toEqual({ level: 'error', message: 'The page could not be read (detached).' });
  });
});
