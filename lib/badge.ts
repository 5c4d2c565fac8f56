/**
 * The toolbar badge: how many active license sets end within the warning window, so a manager
 * sees it without opening anything. A pure function of the cache, the settings and the day.
 */
import { format } from 'date-fns';
import type { ExportableSet } from './csv';
import { type CalendarDate, calendarDateToLocal, daysBetween, toCalendarDate } from './dates';
import { daysUntilEnd, expiringSoon } from './license';
import type { Settings } from './settings';

export interface Badge {
  text: string;
  /** Background colour, #RRGGBB. */
  color: string;
  title: string;
}

export const BADGE_AMBER = '#B7791F';
export const BADGE_RED = '#C53030';
export const BADGE_GREY = '#718096';
/** Within this many days the badge turns red. */
export const URGENT_DAYS = 7;
/** Data older than this many days gets a hint in the title. */
export const STALE_DAYS = 14;
/** The title names at most this many sets. */
const NAMED = 5;

export const NO_DATA_TITLE = 'No license data yet: open Manage Licenses on letrs.com';

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `${days} days`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The badge for the cached sets on `today`. `lastSyncAt` is the ISO instant of the last applied
 * sync (null before the first). Sets no longer shown on the page, and organizations or tracks the
 * settings leave out, are not counted.
 */
export function badgeFor(
  sets: readonly ExportableSet[],
  settings: Settings,
  today: CalendarDate,
  lastSyncAt: string | null,
): Badge {
  if (lastSyncAt === null) return { text: '?', color: BADGE_GREY, title: NO_DATA_TITLE };

  const excludedOrgs = new Set(settings.badgeExcludedOrganizations);
  const excludedTracks = new Set(settings.badgeExcludedTracks);
  const window = settings.warningWindow;
  const ending: { name: string; days: number }[] = [];
  let missing = 0;
  let excluded = 0;
  for (const set of sets) {
    if (!expiringSoon(set, today, window)) continue;
    if (set.missingSince) missing += 1;
    else if (excludedOrgs.has(set.organization ?? '') || excludedTracks.has(set.track)) excluded += 1;
    else ending.push({ name: set.name, days: daysUntilEnd(set, today) ?? 0 });
  }
  ending.sort((a, b) => a.days - b.days || a.name.localeCompare(b.name));

  const lines: string[] = [];
  if (ending.length === 0) {
    lines.push(`No license sets end within ${plural(window, 'day', 'days')}.`);
  } else {
    const named = ending.slice(0, NAMED).map((e) => `${e.name} (${inDays(e.days)})`);
    if (ending.length > NAMED) named.push(`and ${ending.length - NAMED} more`);
    const verb = ending.length === 1 ? 'license set ends' : 'license sets end';
    lines.push(`${ending.length} ${verb} within ${plural(window, 'day', 'days')}: ${named.join(', ')}`);
  }
  if (missing > 0) {
    lines.push(`Not counted: ${plural(missing, 'set', 'sets')} no longer shown on the Licenses page.`);
  }
  if (excluded > 0) lines.push(`Not counted: ${plural(excluded, 'set', 'sets')} left out in the settings.`);

  const syncDay = toCalendarDate(new Date(lastSyncAt));
  const age = daysBetween(syncDay, today);
  if (age > STALE_DAYS) {
    const when = format(calendarDateToLocal(syncDay), 'MMM d, yyyy');
    lines.push(`Data last read ${when} (${age} days ago): open Manage Licenses on letrs.com to refresh it.`);
  }

  const urgent = ending.some((e) => e.days <= URGENT_DAYS);
  return {
    text: ending.length === 0 ? '' : ending.length > 99 ? '99+' : String(ending.length),
    color: urgent ? BADGE_RED : BADGE_AMBER,
    title: lines.join('\n'),
  };
}
