/**
 * Calendar dates with no time zone, as `YYYY-MM-DD` strings.
 *
 * License dates are days on a calendar, not instants: `new Date('2026-07-01')` is UTC midnight,
 * which is June 30 in America. Every conversion here goes through local-time constructors
 * (`new Date(y, m - 1, d)`), and day differences are counted on UTC day numbers, which have no
 * daylight-saving changes.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds a local Date for a calendar date, or null when the date does not exist (Feb 30). */
function toLocalDate(year: number, month: number, day: number): Date | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(year, month - 1, day);
  // Date rolls Feb 30 over to Mar 2; a rolled-over date is an impossible one.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && toLocalDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** The local Date at midnight of a calendar date. Throws on a malformed date (a programming error). */
export function calendarDateToLocal(date: CalendarDate): Date {
  const m = ISO_DATE.exec(date);
  const local = m && toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!local) throw new RangeError(`Not a calendar date: ${date}`);
  return local;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The calendar date of a local Date (today's date where the browser is). */
export function toCalendarDate(date: Date): CalendarDate {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** Today's date in the browser's time zone. */
export function localToday(now: Date = new Date()): CalendarDate {
  return toCalendarDate(now);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Day numbers already computed: a cache holds a few thousand distinct dates, so this stays small. */
const dayNumbers = new Map<CalendarDate, number>();
const MAX_REMEMBERED = 20_000;

/**
 * The day number of a calendar date (days since 1970-01-01). UTC has no daylight-saving shifts,
 * so differences of day numbers are exact calendar-day differences in every time zone. This is
 * the hot path of every status computation (10,000 sets are summarised several times per popup
 * open), hence the plain parsing and the memo.
 */
function dayNumber(date: CalendarDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    // Rejects Feb 30 and month 13 like calendarDateToLocal does.
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= monthDays) {
      const value = Date.UTC(year, month - 1, day) / DAY_MS;
      if (dayNumbers.size >= MAX_REMEMBERED) dayNumbers.clear();
      dayNumbers.set(date, value);
      return value;
    }
  }
  throw new RangeError(`Not a calendar date: ${date}`);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date `days` days after `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const local = calendarDateToLocal(date);
  // Local-time constructor with day overflow: DST-safe, since only the calendar parts are used.
  return toCalendarDate(new Date(local.getFullYear(), local.getMonth(), local.getDate() + days));
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * One displayed date anywhere in a text: "Aug 1, 2027", "August 1, 2027", "Sept. 1 2027",
 * "1 August 2027", "08/15/2026" (US month/day order), "2026-08-15".
 */
const DATE_PATTERN = new RegExp(
  [
    `\\b(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `\\d{1,2}(?:\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|/\\d{1,2}/\\d{4})`,
    '\\d{4}-\\d{2}-\\d{2})\\b',
  ].join('|'),
  'gi',
);
/** Every date shape has a four-digit year: a text without one is skipped without the big pattern. */
const HAS_YEAR = /\d{4}/;

/** The date-looking tokens of a text, with their positions (no-break spaces read as spaces). */
function dateMatches(text: string): { normal: string; matches: RegExpExecArray[] } {
  const normal = text.replace(/\u00a0/g, ' ');
  const matches: RegExpExecArray[] = [];
  if (!HAS_YEAR.test(normal)) return { normal, matches };
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(normal); m; m = DATE_PATTERN.exec(normal)) matches.push(m);
  return { normal, matches };
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const NAMED_FIRST = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i;
const US_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads one matched date token into a calendar date, or null when it is impossible. Hand-written
 * rather than date-fns' parse: the page reader parses thousands of dates per read (date-fns took
 * ~100 µs a date) and the content script has a 40 KB budget (date-fns' parser alone is ~40 KB).
 */
function parseToken(token: string): CalendarDate | null {
  const known = parsedTokens.get(token);
  if (known !== undefined) return known;
  const parts = tokenParts(token);
  const date =
    !parts || parts.month === undefined || !toLocalDate(parts.year, parts.month, parts.day)
      ? null
      : `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`;
  if (parsedTokens.size >= MAX_REMEMBERED) parsedTokens.clear();
  parsedTokens.set(token, date);
  return date;
}

/** Date tokens already read: a page shows the same few dates on many rows. */
const parsedTokens = new Map<string, CalendarDate | null>();

/** Year, month and day of a token in one of DATE_PATTERN's four shapes. */
function tokenParts(token: string): { year: number; month: number | undefined; day: number } | null {
  const iso = ISO_DATE.exec(token);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const us = US_NUMERIC.exec(token);
  if (us) return { year: Number(us[3]), month: Number(us[1]), day: Number(us[2]) };
  const named = NAMED_FIRST.exec(token);
  if (named) return { year: Number(named[3]), month: monthNumber(named[1]), day: Number(named[2]) };
  const dayFirst = DAY_FIRST.exec(token);
  if (dayFirst) return { year: Number(dayFirst[3]), month: monthNumber(dayFirst[2]), day: Number(dayFirst[1]) };
  return null;
}

const monthNumber = (name: string): number | undefined => MONTH_NUMBERS[name.slice(0, 3).toLowerCase()];

/** Every displayed date in a text, in order; impossible dates (Feb 30) are left out. */
export function findDates(text: string): CalendarDate[] {
  const found: CalendarDate[] = [];
  for (const match of dateMatches(text).matches) {
    const date = parseToken(match[0]);
    if (date) found.push(date);
  }
  return found;
}

/** The first displayed date in a text ("Starts Aug 1, 2027" → "2027-08-01"), or null. */
export function parseDisplayedDate(text: string): CalendarDate | null {
  return findDates(text)[0] ?? null;
}

/** Counts the date-looking tokens in a text, impossible ones included. */
export function countDateTokens(text: string): number {
  return dateMatches(text).matches.length;
}

export interface DateRange {
  start: CalendarDate | null;
  end: CalendarDate | null;
}

/**
 * Reads the start and end a text shows: a range ("Jul 1, 2026 – Jun 30, 2027", with an en dash,
 * a hyphen or "to"), or a single date labelled by its words ("Starts …", "Ends …", "Expires …",
 * "Expired …"). An unlabelled single date is taken as neither; callers decide from context.
 */
export function parseDateRange(text: string): DateRange {
  const { normal, matches } = dateMatches(text);
  const range: DateRange = { start: null, end: null };
  const endWords =
    /\b(end(?:s|ed|ing)?|expir(?:es|ed|y|ing|ation)|through|thru|until|valid to)(?:\s+(?:date|on))?\b[\s:]*$/i;
  const startWords =
    /\b(start(?:s|ed|ing)?|begin(?:s|ning)?|began|from|effective|valid from)(?:\s+(?:date|on))?\b[\s:]*$/i;
  let previousEnd = 0;
  let previous: { date: CalendarDate | null; role: 'start' | 'end' | null } = { date: null, role: null };
  for (const match of matches) {
    const date = parseToken(match[0]);
    const before = normal.slice(previousEnd, match.index);
    previousEnd = (match.index ?? 0) + match[0].length;
    let role: 'start' | 'end' | null = null;
    if (endWords.test(before)) role = 'end';
    else if (startWords.test(before)) role = 'start';
    else if (previous.date && previous.role !== 'end' && /^\s*(?:[-–—]|to)\s*$/i.test(before)) {
      // "<start> – <end>": the previous date opened a range.
      range.start ??= previous.date;
      role = 'end';
    }
    if (date && role === 'end') range.end ??= date;
    if (date && role === 'start') range.start ??= date;
    previous = { date, role };
  }
  // A lone pair of dates with no words at all ("7/1/2026 6/30/2027") is not guessed at.
  return range;
}
