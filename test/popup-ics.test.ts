import { describe, expect, it } from 'vitest';
import { calendarEvents, icsFileName, toIcs, uidFor } from '../lib/ics';
import { cached, sampleCache, TODAY } from './popup-fixture';

const NOW = new Date(Date.UTC(2026, 11, 3, 17, 0, 0));

/** The file with folded lines joined again (RFC 5545 folds at 75 octets). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** The unfolded lines of one VEVENT block per event. */
function events(ics: string): string[][] {
  const lines = unfold(ics).split('\r\n');
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      blocks.push(current);
      current = null;
    } else current?.push(line);
  }
  return blocks;
}

describe('calendar export', () => {
  const ics = toIcs(sampleCache(), TODAY, { now: NOW });

  it('is an iCalendar file with CRLF lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has an all-day event on each end date and on each upcoming start date', () => {
    const blocks = events(ics);
    // 7 of the 8 sample sets have an end date; the upcoming one has only a start date.
    expect(blocks).toHaveLength(8);
    const ece = blocks.find((b) =>
      b.includes('SUMMARY:LETRS licenses end: ECE Cohort B (LETRS for Early Childhood Educators)'),
    );
    expect(ece).toContain('DTSTART;VALUE=DATE:20261208');
    expect(ece).toContain('DTEND;VALUE=DATE:20261209');
    const start = blocks.find((b) => b.some((l) => l.startsWith('SUMMARY:LETRS licenses start:')));
    expect(start).toContain('DTSTART;VALUE=DATE:20261223');
    expect(start).toContain('SUMMARY:LETRS licenses start: LETRS Units 1-4 Cohort C (LETRS)');
  });

  it('reminds the warning window ahead', () => {
    expect(ics.match(/TRIGGER:-P30D/g)).toHaveLength(8);
    expect(toIcs(sampleCache(), TODAY, { now: NOW, warningWindow: 7 }).match(/TRIGGER:-P7D/g)).toHaveLength(8);
    expect(ics.match(/BEGIN:VALARM\r\nACTION:DISPLAY/g)).toHaveLength(8);
  });

  it('describes the set with its organization and counts', () => {
    const ece = events(ics).find((b) => b.some((l) => l.includes('ECE Cohort B')));
    expect(ece?.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      'DESCRIPTION:Organization: Springfield Public Schools\\nLicense track: LETRS for Early Childhood Educators\\nLicense set: ECE Cohort B\\n25 licenses\\, 18 assigned\\, 7 unassigned\\nFrom the LETRS Manage Licenses page (letrs.com)\\, via LETRS License Tracker.',
    );
  });

  it('keeps UIDs stable across exports and distinct per set and kind', () => {
    const again = toIcs(sampleCache(), TODAY, { now: new Date(Date.UTC(2027, 0, 9)) });
    const uids = (text: string) => unfold(text).match(/^UID:.*$/gm) ?? [];
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(8);
    expect(uidFor('["a","b","id:1"]', 'end')).toBe(uidFor('["a","b","id:1"]', 'end'));
    expect(uidFor('["a","b","id:1"]', 'end')).not.toBe(uidFor('["a","b","id:1"]', 'start'));
    expect(uidFor('["Åsa","b","name:ü"]', 'end')).toMatch(/^end-[A-Za-z0-9_-]+@letrs-license-tracker\.invalid$/);
  });

  it('writes names as text: line breaks, commas and semicolons cannot start a new property', () => {
    const set = cached({ ...sampleCache()[1], name: 'A;B,C\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned' });
    const text = toIcs([set], TODAY, { now: NOW });
    expect(events(text)).toHaveLength(1);
    expect(unfold(text)).not.toMatch(/^SUMMARY:pwned/m);
    expect(unfold(text)).toContain(
      'SUMMARY:LETRS licenses end: A\\;B\\,C\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned (LETRS)',
    );
  });

  it('writes the calendar day in every time zone', () => {
    const [event] = calendarEvents([cached({ ...sampleCache()[1], endDate: '2027-01-01' })], TODAY, { now: NOW });
    expect(unfold(toIcs([cached({ ...sampleCache()[1], endDate: '2027-01-01' })], TODAY, { now: NOW }))).toContain(
      'DTSTART;VALUE=DATE:20270101',
    );
    expect(event.allDay).toBe(true);
  });

  it('names the file by date', () => {
    expect(icsFileName('2026-12-03')).toBe('letrs-licenses-2026-12-03.ics');
  });
});
