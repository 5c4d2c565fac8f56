/**
 * Words and numbers as the popup and options page show them: friendly relative days ("Tomorrow",
 * "in 12 days"), when the data was read ("today 9:14"), dates and counts with thousands
 * separators. Pure functions of their inputs (today and now are passed in), so every wording is
 * tested in any time zone.
 */
import { type CalendarDate, daysBetween, isCalendarDate, toCalendarDate } from './dates';

const NUMBER = new Intl.NumberFormat('en-US');

/** 1250 → "1,250". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "1 set", "3 sets", "1,250 licenses". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-12-15 → "Dec 15, 2026" (written from the string: no Date, no time zone, no date library in the popup). */
export function formatDate(date: CalendarDate): string {
  if (!isCalendarDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** Days from today as a person says them: "Today", "Tomorrow", "in 12 days", "Yesterday", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return days > 0 ? `in ${formatNumber(days)} days` : `${formatNumber(-days)} days ago`;
}

/** How urgent a deadline is: ≤ 7 days urgent, within the warning window soon, otherwise later. */
export type Urgency = 'urgent' | 'soon' | 'later';

export const URGENT_DAYS = 7;

export function urgency(days: number, warningWindow: number): Urgency {
  if (days <= URGENT_DAYS) return 'urgent';
  if (days <= warningWindow) return 'soon';
  return 'later';
}

/** A read this many days old or older is stale: the popup asks to open the page again. */
export const STALE_AFTER_DAYS = 7;

export interface ReadAge {
  /** "today 9:14", "yesterday", "12 days ago". */
  text: string;
  /** Calendar days since the read (0 = today). */
  days: number;
  stale: boolean;
}

/** When a read happened, relative to now, in the browser's time zone. */
export function readAge(at: string, now: Date): ReadAge {
  const read = new Date(at);
  if (Number.isNaN(read.getTime())) return { text: 'at an unknown time', days: Number.POSITIVE_INFINITY, stale: true };
  const days = Math.max(0, daysBetween(toCalendarDate(read), toCalendarDate(now)));
  const clock = `${read.getHours()}:${String(read.getMinutes()).padStart(2, '0')}`;
  const text = days === 0 ? `today ${clock}` : days === 1 ? 'yesterday' : `${formatNumber(days)} days ago`;
  return { text, days, stale: days >= STALE_AFTER_DAYS };
}

/** 0.8234 → "82%"; null (nothing known) → "–". */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 100)}%`;
}
