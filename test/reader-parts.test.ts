/** The reader's word-level rules: counts, status labels, ids, table columns, names. */
import { describe, expect, it } from 'vitest';
import { readCounts } from '../lib/reader/counts';
import { looksLikeId } from '../lib/reader/ids';
import { nameIn } from '../lib/reader/row';
import { columnOf } from '../lib/reader/tables';
import { clean } from '../lib/reader/text';
import { statusLabel, WARNING, WARNING_TEXT } from '../lib/reader/words';

describe('counts', () => {
  it.each([
    ['60 licenses', { licenses: 60 }],
    ['1,250 licenses', { licenses: 1250 }],
    ['Licenses: 60', { licenses: 60 }],
    ['Total licenses 60', { licenses: 60 }],
    ['12 assigned', { assigned: 12 }],
    ['12 of 60 licenses assigned', { assigned: 12, licenses: 60 }],
    ['12/60 assigned', { assigned: 12, licenses: 60 }],
    ['60 licenses 12 assigned', { licenses: 60, assigned: 12 }],
    ['31 completed', { completed: 31 }],
    ['31 people completed the course', { completed: 31 }],
    ['Completions: 31', { completed: 31 }],
    ['Licenses assigned: 12', { assigned: 12 }],
    ['100 licenses allocated', { licenses: 100, allocated: true }],
    ['— licenses', { licenses: null }],
    ['−5 licenses', { licenses: null, unreadable: ['−5 licenses'] }],
    ['1e9 licenses', { licenses: null, unreadable: ['1e9 licenses'] }],
    ['99,999,999,999 licenses', { licenses: null, unreadable: ['99,999,999,999 licenses'] }],
  ])('%j → %j', (text, counts) => {
    expect(readCounts(text)).toEqual(counts);
  });

  it.each([
    'LETRS Units 1-4 Cohort C',
    'Consumed 612 Assigned & Not Consumed 476 Unassigned 252',
    '12 licenses unassigned',
    'Licenses 2026-2027',
    'License 2026',
    'Completion 64%',
  ])('%j shows no count', (text) => {
    expect(readCounts(text)).toEqual({});
  });
});

describe('words', () => {
  it.each([
    ['Active', 'active'],
    ['Upcoming (2)', 'upcoming'],
    ['Expired license sets', 'expired'],
    ['Active Licenses · 5', 'active'],
    ['Expired: 3', 'expired'],
    ['Current', 'active'],
    ['Active readers cohort', null],
    ['Expiring soon', null],
  ])('status label %j → %s', (text, status) => {
    expect(statusLabel(text)).toBe(status);
  });

  it('knows the warning by its words, as an icon name or as text of its own', () => {
    expect(WARNING.test('Warning: expires in 16 days')).toBe(true);
    expect(WARNING.test('Expiring soon')).toBe(true);
    expect(WARNING.test('<img src=x onerror=alert(1)>')).toBe(false);
    expect(WARNING_TEXT.test('⚠️')).toBe(true);
    expect(WARNING_TEXT.test('Expiring soon')).toBe(true);
    expect(WARNING_TEXT.test(':')).toBe(false);
    expect(WARNING_TEXT.test('Expires Jun 30, 2027')).toBe(false);
  });

  it('cleans no-break, zero-width and direction characters but keeps emoji joiners', () => {
    expect(clean('\u00a0Jul\u00a01,\u00a02026 ')).toBe('Jul 1, 2026');
    expect(clean('1\u200b250')).toBe('1250');
    expect(clean('\u202eA cipe\u202c')).toBe('A cipe');
    expect(clean('👩‍🏫')).toBe('👩‍🏫');
  });
});

describe('names', () => {
  it.each([
    ['ECE Cohort B — 25 licenses', 'ECE Cohort B'],
    ['Cohort A · Jul 1, 2026 – Jun 30, 2027', 'Cohort A'],
    ['-2+3', '-2+3'],
    ['=SUM(1,2)', '=SUM(1,2)'],
    ['Licenses', null],
    ['1,250', null],
    ['Starts Aug 1, 2027', null],
  ])('%j → %j', (text, name) => {
    expect(nameIn(text)).toBe(name);
  });
});

describe('ids and columns', () => {
  it('takes id-looking values only', () => {
    expect(looksLikeId('ls-2041')).toBe(true);
    expect(looksLikeId('0b7e6a52-1c4d-4f3e-9a55-2f1d3c9e8b10')).toBe(true);
    expect(looksLikeId('license-row')).toBe(false);
    expect(looksLikeId('has space 1')).toBe(false);
  });

  it.each([
    ['License set', 'name'],
    ['Licenses', 'licenses'],
    ['Assigned / Completed', 'assignedOrCompleted'],
    ['Unassigned', 'other'],
    ['Start date', 'start'],
    ['Expires', 'end'],
    ['Dates', 'dates'],
    ['Status', 'status'],
    ['Track', 'track'],
  ])('column %j holds %s', (header, column) => {
    expect(columnOf(header)).toBe(column);
  });
});
