/**
 * Which expiry notifications are due: once per set per lead time, ever. Planning is pure; the
 * caller stores `record` in the notifications table (in the same transaction that read
 * `alreadySent`) before it shows `send`, so a restart or a second sync never repeats one.
 */
import { format } from 'date-fns';
import type { ExportableSet } from './csv';
import { type CalendarDate, calendarDateToLocal } from './dates';
import { daysUntilEnd, status, unassigned } from './license';
import type { Settings } from './settings';

export interface NotifiableSet extends ExportableSet {
  key: string;
}

export interface DueNotification {
  key: string;
  /** The smallest lead time the set has crossed. */
  leadDays: number;
  title: string;
  message: string;
}

export interface NotificationPlan {
  /** One notification per set, at most. */
  send: DueNotification[];
  /** Every (key, leadDays) crossed now, including larger lead times skipped in favour of the smallest. */
  record: { key: string; leadDays: number }[];
}

function sentKey(key: string, leadDays: number): string {
  return `${leadDays}\u0000${key}`;
}

function endsIn(days: number): string {
  if (days === 0) return 'ends today';
  if (days === 1) return 'ends tomorrow';
  return `ends in ${days} days`;
}

/** "LETRS Units 1-4 Cohort A ends in 7 days (Dec 10, 2026): 12 licenses unassigned" */
export function notificationText(set: ExportableSet, today: CalendarDate): string {
  const days = daysUntilEnd(set, today) ?? 0;
  const end = set.endDate ? ` (${format(calendarDateToLocal(set.endDate), 'MMM d, yyyy')})` : '';
  const free = unassigned(set);
  const detail =
    free === null
      ? ''
      : free === 0
        ? ': all licenses assigned'
        : `: ${free} license${free === 1 ? '' : 's'} unassigned`;
  return `${set.name} ${endsIn(days)}${end}${detail}`;
}

/**
 * The notifications to send now. A set qualifies while active, still shown on the page and
 * 0 ≤ days until end ≤ a lead time it has not been notified for; when several lead times are
 * crossed at once only the smallest is sent, and all of them are recorded. Nothing is planned
 * while notifications are off.
 */
export function notificationsDue(
  sets: readonly NotifiableSet[],
  settings: Settings,
  today: CalendarDate,
  alreadySent: readonly { key: string; leadDays: number }[],
): NotificationPlan {
  const plan: NotificationPlan = { send: [], record: [] };
  if (!settings.notificationsEnabled || settings.notificationLeadTimes.length === 0) return plan;
  const sent = new Set(alreadySent.map((s) => sentKey(s.key, s.leadDays)));
  const leads = [...settings.notificationLeadTimes].sort((a, b) => a - b);
  for (const set of sets) {
    if (set.missingSince || status(set, today) !== 'active') continue;
    const days = daysUntilEnd(set, today);
    if (days === null || days < 0) continue;
    const crossed = leads.filter((lead) => days <= lead && !sent.has(sentKey(set.key, lead)));
    if (crossed.length === 0) continue;
    for (const leadDays of crossed) plan.record.push({ key: set.key, leadDays });
    plan.send.push({
      key: set.key,
      leadDays: crossed[0],
      title: `LETRS license set ${endsIn(days)}`,
      message: notificationText(set, today),
    });
  }
  return plan;
}
