/**
 * When the daily recompute runs: shortly after local midnight, so statuses, the badge and
 * notifications follow the calendar even when no page is visited. The alarm is created only when
 * missing, so restarting the browser does not move it; it is re-created only when it no longer
 * fires just after midnight (a daylight-saving change or a new time zone shifted it).
 */
export const DAILY_ALARM = 'letrs:daily';
export const DAILY_PERIOD_MINUTES = 24 * 60;
/** Minutes after local midnight. */
export const MINUTES_AFTER_MIDNIGHT = 5;

/** The next local 00:05 strictly after `now`, as epoch milliseconds. */
export function nextDailyRun(now: Date): number {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, MINUTES_AFTER_MIDNIGHT);
  if (today.getTime() > now.getTime()) return today.getTime();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, MINUTES_AFTER_MIDNIGHT).getTime();
}

export interface ExistingAlarm {
  scheduledTime: number;
  periodInMinutes?: number;
}

/** Whether an existing alarm is still "daily, just after local midnight" (else it is re-created). */
export function alarmStillFits(alarm: ExistingAlarm): boolean {
  const at = new Date(alarm.scheduledTime);
  return alarm.periodInMinutes === DAILY_PERIOD_MINUTES && at.getHours() === 0;
}
