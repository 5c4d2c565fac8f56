// @vitest-environment happy-dom
/**
 * Property tests of the page reader: any valid set of license sets, drawn as a page in one of
 * three layouts (cards like the built-in sample, a table per track, nested lists with
 * role=heading), reads back to the same sets; and junk HTML never throws and never yields a count
 * the page does not show. Figures from these runs go in docs/reliability.md.
 */
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate, calendarDateToLocal } from '../lib/dates';
import type { PageStatus } from '../lib/license';
import { readLicensesPage } from '../lib/reader/index';
import { documentOf } from './reader-pages';

const RUNS = 60;

interface GenSet {
  name: string;
  licenses: number;
  /** Assigned for upcoming/active sets, completed for expired ones. */
  used: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
  pageStatus: PageStatus;
  warning: boolean;
}
interface GenTrack {
  name: string;
  sets: GenSet[];
}

/**
 * Words the reader (rightly) treats as page furniture — status labels, warnings, badges, count
 * labels — are not drawn as whole words of a name: a set called "Expired" or "Warning" is
 * ambiguous on the real page too. Everything else goes: punctuation, accents, CJK, emoji.
 */
const RESERVED =
  /^(?:upcoming|future|active|current|expired?|past|licen[cs]es?|sets?|warning|caution|alert|expir\w*|state|no|nothing|there|loading|please|fetching|assigned|completed?|completions?|starts?|ends?|of|to|through|allocated|dates?|name|status|new|soon|utili[sz]ation|usage|charts?|progress|summary|overview|filters?|search|sort|help|resources|notifications?|settings|people|permissions|consumed|unassigned|legend|totals?|organi[sz]ations?|breadcrumbs?|navigation|menu|lexia|letrs|wait|data|icon)$/i;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñüøçÅßЖжλΩ学校読書';
const word = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 9 })
  .map((cs) => cs.join(''))
  .filter((w) => !RESERVED.test(w));
/** A name: words joined by spaces or punctuation, sometimes with an emoji or a "Units 1–4" style range. */
const setName = fc
  .tuple(
    fc.array(fc.tuple(word, fc.constantFrom(' ', ' & ', "'", ' - ', ', ', ' / ', '.', ' (', ') ', ' #', ' · ')), {
      minLength: 0,
      maxLength: 3,
    }),
    word,
    fc.constantFrom('', ' 🎓', ' Units 1–4', ' 2026–27', ' №7', ' «Grün»'),
  )
  .map(([parts, last, tail]) =>
    (parts.map(([w, sep]) => w + sep).join('') + last + tail)
      .replace(/\s+/g, ' ')
      .replace(/\(\s*$/, '')
      .trim(),
  );
const trackName = fc.tuple(word, fc.constantFrom('', ' for Administrators', ' Early Childhood')).map(([w, t]) => w + t);

const day = fc.integer({ min: 0, max: 25 * 366 }).map((n) => addDays('2012-01-01', n));
const genSet = fc
  .record({
    name: setName,
    licenses: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2_000_000 })),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    startDate: day,
    length: fc.integer({ min: 1, max: 1500 }),
    pageStatus: fc.constantFrom<PageStatus>('upcoming', 'active', 'expired'),
    warning: fc.boolean(),
  })
  .map(
    ({ name, licenses, fraction, startDate, length, pageStatus, warning }): GenSet => ({
      name,
      licenses,
      used: Math.floor(licenses * fraction),
      startDate,
      endDate: addDays(startDate, length),
      pageStatus,
      warning: pageStatus === 'active' && warning,
    }),
  );
const ORDER: PageStatus[] = ['upcoming', 'active', 'expired'];
const genTrack = fc
  .record({
    name: trackName,
    sets: fc.uniqueArray(genSet, { minLength: 1, maxLength: 6, selector: (s) => s.name.toLowerCase() }),
  })
  // The page lists a track's sets by group: upcoming, then active, then expired.
  .map((t) => ({ ...t, sets: [...t.sets].sort((a, b) => ORDER.indexOf(a.pageStatus) - ORDER.indexOf(b.pageStatus)) }));
const genTracks = fc.uniqueArray(genTrack, { minLength: 1, maxLength: 3, selector: (t) => t.name.toLowerCase() });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const shown = (d: CalendarDate, pattern: string) => format(calendarDateToLocal(d), pattern);
const label = (s: PageStatus) => s[0].toUpperCase() + s.slice(1);
const groups = (t: GenTrack) => ORDER.map((s) => [s, t.sets.filter((x) => x.pageStatus === s)] as const);
const WARN =
  '<svg role="img" aria-label="Expiring soon" width="16" height="16"><title>Expiring soon</title><path d="M0 0"/></svg>';

/** Cards like the built-in sample: section per track, h3 per group, a row per set. */
function cards(tracks: GenTrack[]): string {
  return tracks
    .map(
      (t, ti) =>
        `<section><h2>${esc(t.name)}</h2>${groups(t)
          .map(
            ([status, sets]) =>
              `<h3>${label(status)}</h3>${
                sets.length === 0
                  ? `<div>No ${status} license sets</div>`
                  : sets
                      .map(
                        (s, i) =>
                          `<div class="row" data-license-set-id="ls-${ti}-${status}-${i}"><div><div><a href="/x">${esc(s.name)}</a>${s.warning ? WARN : ''}</div>` +
                          `<div>${shown(s.startDate, 'MMM d, yyyy')} – ${shown(s.endDate, 'MMM d, yyyy')}</div></div>` +
                          `<div><b>${s.licenses.toLocaleString('en-US')}</b> licenses<br><span>${s.used.toLocaleString('en-US')} ${status === 'expired' ? 'completed' : 'assigned'}</span></div></div>`,
                      )
                      .join('')
              }`,
          )
          .join('')}</section>`,
    )
    .join('');
}

/** A table per track with header columns and a row-group heading per status. */
function tables(tracks: GenTrack[]): string {
  return tracks
    .map(
      (t) =>
        `<section><h2>${esc(t.name)}</h2><table><thead><tr><th>License set</th><th>Licenses</th><th>Assigned / Completed</th><th>Start date</th><th>End date</th></tr></thead><tbody>${groups(
          t,
        )
          .filter(([, sets]) => sets.length > 0)
          .map(
            ([status, sets]) =>
              `<tr><th colspan="5" scope="rowgroup">${label(status)}</th></tr>${sets
                .map(
                  (s) =>
                    `<tr><td>${esc(s.name)}${s.warning ? ' <span class="sr-only">Expiring soon</span>' : ''}</td><td>${s.licenses.toLocaleString('en-US')}</td><td>${s.used}</td>` +
                    `<td>${shown(s.startDate, 'MM/dd/yyyy')}</td><td>${shown(s.endDate, 'MM/dd/yyyy')}</td></tr>`,
                )
                .join('')}`,
          )
          .join('')}</tbody></table></section>`,
    )
    .join('');
}

/** Nested lists whose headings are role=heading spans, with labelled counts. */
function lists(tracks: GenTrack[]): string {
  return `<ul>${tracks
    .map(
      (t) =>
        `<li><div role="heading" aria-level="2">${esc(t.name)}</div><ul>${groups(t)
          .filter(([, sets]) => sets.length > 0)
          .map(
            ([status, sets]) =>
              `<li><span role="heading" aria-level="3">${label(status)} license sets</span><ul>${sets
                .map(
                  (s) =>
                    `<li><div>${esc(s.name)}${s.warning ? ' <svg><title>Warning: expires soon</title></svg>' : ''}</div>` +
                    `<div>Starts ${shown(s.startDate, 'MM/dd/yyyy')} · ${status === 'expired' ? 'Expired' : 'Expires'} ${shown(s.endDate, 'MM/dd/yyyy')}</div>` +
                    `<div>Licenses: ${s.licenses}</div><div>${status === 'expired' ? 'Completed' : 'Assigned'}: ${s.used}</div></li>`,
                )
                .join('')}</ul></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('')}</ul>`;
}

const LAYOUTS = { cards, tables, lists };
const wrap = (body: string) =>
  `<!doctype html><html><head><title>Manage Licenses | LETRS</title></head><body><h1>Manage Licenses</h1>${body}</body></html>`;

const expectedOf = (tracks: GenTrack[]) =>
  tracks.flatMap((t) =>
    t.sets.map((s) => ({
      track: t.name,
      name: s.name,
      licenses: s.licenses,
      assigned: s.pageStatus === 'expired' ? null : s.used,
      completed: s.pageStatus === 'expired' ? s.used : null,
      startDate: s.startDate,
      endDate: s.endDate,
      pageStatus: s.pageStatus,
      pageWarning: s.warning,
    })),
  );

describe('valid pages read back to the sets they were drawn from', () => {
  it.each(Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[])(
    '%s layout',
    (layout) => {
      fc.assert(
        fc.property(genTracks, (tracks) => {
          const read = readLicensesPage(documentOf(wrap(LAYOUTS[layout](tracks))));
          expect(read.isLicensesPage).toBe(true);
          expect(read.complete).toBe(true);
          const got = read.sets.map(
            ({ track, name, licenses, assigned, completed, startDate, endDate, pageStatus, pageWarning }) => ({
              track,
              name,
              licenses,
              assigned,
              completed,
              startDate,
              endDate,
              pageStatus,
              pageWarning,
            }),
          );
          expect(got).toEqual(expectedOf(tracks));
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  it('keeps a track whose name starts with "No" followed by a non-ASCII letter (found by the tables property)', () => {
    const tracks: GenTrack[] = [
      {
        name: 'NOЖaa',
        sets: [
          {
            name: 'aa',
            licenses: 0,
            used: 0,
            startDate: '2012-01-01',
            endDate: '2012-01-02',
            pageStatus: 'upcoming',
            warning: false,
          },
        ],
      },
    ];
    expect(readLicensesPage(documentOf(wrap(tables(tracks)))).sets.map((s) => s.track)).toEqual(['NOЖaa']);
  });
});

/** Every whole number the page's text shows, with thousands separators removed. */
function numbersIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(/\d[\d,.\u00a0\u202f\u200b]*/g)) {
    const digits = m[0].replace(/[^\d]/g, '');
    // Every run of digits in the match and the whole group read together (1,250 → 1250).
    if (digits) found.add(Number(digits));
    for (const part of m[0].split(/[^\d]+/)) if (part) found.add(Number(part));
  }
  return found;
}

/** The document's text nodes, each on its own (textContent would glue "2027" and "0" into "20270"). */
function textOf(doc: Document): string {
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join('\n');
}

const BITS = [
  '<div>',
  '</div>',
  '<span>',
  '</span>',
  '<h1>Manage Licenses</h1>',
  '<h2>LETRS</h2>',
  '<h3>Active</h3>',
  '<h3>Expired</h3>',
  '<table><tr><th>Licenses</th><th>Assigned</th></tr><tr><td>',
  '</td><td>',
  '<li>',
  '<ul>',
  ' licenses ',
  ' assigned ',
  ' completed ',
  'Licenses: ',
  'Jul 1, 2026',
  ' – ',
  '−',
  '1e9',
  '&nbsp;',
  '<<>>',
  '\u202e',
  '<script>document.write("<b>999</b> licenses")</script>',
  '<!-- <b>777</b> licenses -->',
  '<svg><title>Expiring soon</title></svg>',
];
const junk = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.oneof(fc.constantFrom(...BITS), fc.integer({ min: -5, max: 99_999 }).map(String), fc.string({ maxLength: 8 })),
      {
        maxLength: 120,
      },
    )
    .map((parts) => parts.join('')),
  // Row-like soup: a licenses page whose rows have random counts and names, broken up by junk.
  fc
    .array(
      fc.oneof(
        fc
          .tuple(
            fc.string({ maxLength: 12 }),
            fc.nat(100_000),
            fc.nat(100_000),
            fc.constantFrom('assigned', 'completed'),
          )
          .map(
            ([name, n, m, used]) =>
              `<div><div><div>Cohort ${name}</div><div>Jul 1, 2026 – Jun 30, 2027</div></div><div><b>${n.toLocaleString('en-US')}</b> licenses <span>${m} ${used}</span></div></div>`,
          ),
        fc.constantFrom(...BITS),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => `<h1>Manage Licenses</h1><h2>LETRS</h2><h3>Active</h3>${parts.join('')}`),
);

describe('junk HTML', () => {
  it('never throws and never yields a count the page text does not show', () => {
    let withSets = 0;
    fc.assert(
      fc.property(junk, (html) => {
        const doc = documentOf(html);
        const read = readLicensesPage(doc);
        const text = textOf(doc);
        const numbers = numbersIn(text);
        if (read.sets.length > 0) withSets++;
        for (const set of read.sets) {
          for (const n of [set.licenses, set.assigned, set.completed]) {
            if (n !== null) expect(numbers.has(n), `${n} not shown in ${JSON.stringify(text)}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The tag-soup arbitrary must actually produce sets sometimes, or the property says nothing.
    expect(withSets).toBeGreaterThan(0);
  }, 60_000);
});
