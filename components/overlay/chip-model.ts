/**
 * What the chip beside one set row says, decided from the license rules alone (no DOM), so every
 * wording rule is a tested pure function: days left or since, unassigned licenses at risk, a page
 * grouping that disagrees with the dates, and over-assignment.
 */
import { type CalendarDate, calendarDateToLocal } from '../../lib/dates';
import { formatNumber, URGENT_DAYS } from '../../lib/format';
import { factsFor, type LicenseSet, type PageStatus, type SetFacts } from '../../lib/license';

/** How a part looks: danger (act now), warning (soon), info (upcoming), ok (running), muted (over). */
export type Tone = 'danger' | 'warning' | 'info' | 'ok' | 'muted';

export interface ChipPart {
  /** What the part is about, for styling and tests. */
  kind: 'time' | 'unassigned' | 'grouping' | 'over';
  text: string;
  tone: Tone;
}

export interface ChipModel {
  parts: ChipPart[];
  /** One sentence for screen readers: every part, in order. */
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PAGE_GROUP: Record<PageStatus, string> = { upcoming: 'Upcoming', active: 'Active', expired: 'Expired' };

/** "Nov 15", with the year only when it is not today's: "Nov 15, 2025". */
export function shortDate(date: CalendarDate, today: CalendarDate): string {
  const local = calendarDateToLocal(date);
  const text = `${MONTHS[local.getMonth()]} ${local.getDate()}`;
  return date.slice(0, 4) === today.slice(0, 4) ? text : `${text}, ${local.getFullYear()}`;
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** "Ends in 12 days" / "Ends today" / "Ended 3 days ago" / "Starts in 9 days"; says so when a date is missing. */
export function timeText(facts: SetFacts): ChipPart {
  if (facts.status === 'upcoming' && facts.daysUntilStart !== null) {
    const days = facts.daysUntilStart;
    return { kind: 'time', tone: 'info', text: days === 1 ? 'Starts tomorrow' : `Starts in ${plural(days, 'day')}` };
  }
  if (facts.status === 'active' && facts.daysUntilEnd !== null) {
    const days = facts.daysUntilEnd;
    // Ends within a week (the popup's "urgent"): danger; within the warning window: warning.
    const tone: Tone = !facts.expiringSoon ? 'ok' : days <= URGENT_DAYS ? 'danger' : 'warning';
    const text = days === 0 ? 'Ends today' : days === 1 ? 'Ends tomorrow' : `Ends in ${plural(days, 'day')}`;
    return { kind: 'time', tone, text };
  }
  if (facts.status === 'expired' && facts.daysUntilEnd !== null) {
    const days = -facts.daysUntilEnd;
    return { kind: 'time', tone: 'muted', text: days === 1 ? 'Ended yesterday' : `Ended ${plural(days, 'day')} ago` };
  }
  if (facts.status === 'unknown') return { kind: 'time', tone: 'muted', text: 'No dates shown' };
  const missing = facts.status === 'upcoming' ? 'start' : 'end';
  return { kind: 'time', tone: 'muted', text: `${PAGE_GROUP[facts.status]}, no ${missing} date shown` };
}

/** "shown as Upcoming, started Nov 15" when the page's group is not what the dates say. */
export function groupingText(set: LicenseSet, facts: SetFacts, today: CalendarDate): ChipPart | null {
  if (!facts.groupingDisagrees || set.pageStatus === null) return null;
  const shown = `shown as ${PAGE_GROUP[set.pageStatus]}`;
  let why: string | null = null;
  if (facts.status === 'upcoming' && set.startDate) why = `starts ${shortDate(set.startDate, today)}`;
  else if (facts.status === 'expired' && set.endDate) why = `ended ${shortDate(set.endDate, today)}`;
  else if (facts.status === 'active' && set.pageStatus === 'upcoming' && set.startDate)
    why = `started ${shortDate(set.startDate, today)}`;
  else if (facts.status === 'active' && set.endDate) why = `ends ${shortDate(set.endDate, today)}`;
  return { kind: 'grouping', tone: 'warning', text: why ? `${shown}, ${why}` : shown };
}

/** Every part of the chip for one set, most urgent first after the time. */
export function chipModel(set: LicenseSet, today: CalendarDate, window: number): ChipModel {
  const facts = factsFor(set, today, window);
  const parts: ChipPart[] = [timeText(facts)];
  if (facts.expiringSoon && facts.unassigned !== null && facts.unassigned > 0) {
    parts.push({ kind: 'unassigned', tone: 'danger', text: `${formatNumber(facts.unassigned)} unassigned` });
  }
  if (facts.overAssigned && set.licenses !== null && set.assigned !== null) {
    parts.push({
      kind: 'over',
      tone: 'danger',
      text: `Over-assigned by ${formatNumber(set.assigned - set.licenses)}`,
    });
  }
  const grouping = groupingText(set, facts, today);
  if (grouping) parts.push(grouping);
  return { parts, label: chipLabel(parts) };
}

/** The screen-reader sentence: "LETRS License Tracker: Ends in 5 days; 7 unassigned". */
export function chipLabel(parts: readonly ChipPart[]): string {
  const said = parts.map((p) => (p.kind === 'unassigned' ? `${p.text} licenses at risk` : p.text));
  return `LETRS License Tracker: ${said.join('; ')}`;
}
