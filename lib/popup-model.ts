/**
 * What the popup shows, computed from the cache in one place: organizations and when each was
 * read, the cross-track summary and deadlines of the sets the page still shows, and the sets
 * that need a second look (no longer shown, grouped unlike their dates, over-assigned).
 * Aggregated and capped here, so the view renders a few dozen rows whatever the cache holds
 * (10,000 sets), and the model is small enough to keep as the popup's snapshot.
 */
import type { CalendarDate } from './dates';
import type { CachedSet, SyncLogEntry, SyncMeta } from './db';
import { DEFAULT_WARNING_WINDOW, factsFor, type PageStatus, type Status } from './license';
import { isLetrsUrl } from './sender';
import type { Settings } from './settings';
import { type Deadline, deadlines, type Summary, summarize } from './summary';

/** What the popup reads from the database. */
export interface PopupData {
  sets: CachedSet[];
  settings: Settings;
  meta: SyncMeta | null;
  /** Every row of the meta table (last sync, last recompute…): what the snapshot stamp is made of. */
  metaRows: unknown[];
  /** The newest sync log entry, applied or not. */
  lastLog: SyncLogEntry | null;
}

export interface OrganizationRead {
  /** '' when the page showed no organization name. */
  name: string;
  /** ISO instant of the last sync that showed one of its sets. */
  readAt: string | null;
  sets: number;
}

export interface Disagreement {
  set: CachedSet;
  /** The group the page listed it under. */
  pageStatus: PageStatus;
  /** What its dates said on the day it was read. */
  datesSay: Status;
}

/** A list cut at MAX_LISTED items, with the full count (for "Show all (N)"). */
export interface Capped<T> {
  items: T[];
  total: number;
}

/** No list in the popup shows more rows than this; the CSV export has them all. */
export const MAX_LISTED = 500;

function capped<T>(items: T[]): Capped<T> {
  return { items: items.slice(0, MAX_LISTED), total: items.length };
}

export interface PopupModel {
  /** The day the figures are for. */
  today: CalendarDate;
  settings: Settings;
  setCount: number;
  organizations: OrganizationRead[];
  /** The Manage Licenses page the last sync read; null before any (open any letrs.com tab, else letrs.com). */
  licensesUrl: string | null;
  /** Sets the page still shows: the summary and deadlines count only these. */
  summary: Summary;
  ending: Capped<Deadline<CachedSet>>;
  starting: Capped<Deadline<CachedSet>>;
  /** Sets a complete read no longer showed, newest first. */
  missing: Capped<CachedSet>;
  disagreements: Capped<Disagreement>;
  overAssigned: Capped<CachedSet>;
  /** The last read could not be applied: what it found, for the empty state. */
  lastProblem: string | null;
}

/** The first candidate that is an https page on letrs.com or a subdomain (a stored URL is never trusted blindly). */
export function licensesPageUrl(...candidates: (string | null | undefined)[]): string | null {
  return candidates.find((url): url is string => !!url && isLetrsUrl(url)) ?? null;
}

function organizationsOf(sets: readonly CachedSet[]): OrganizationRead[] {
  const byName = new Map<string, OrganizationRead>();
  for (const set of sets) {
    const known = byName.get(set.organization);
    if (!known) byName.set(set.organization, { name: set.organization, readAt: set.lastSeenAt, sets: 1 });
    else {
      known.sets += 1;
      if (set.lastSeenAt > (known.readAt ?? '')) known.readAt = set.lastSeenAt;
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function lastProblem(log: SyncLogEntry | null): string | null {
  if (!log || log.applied) return null;
  const worst = log.diagnostics.find((d) => d.level === 'error') ?? log.diagnostics.find((d) => d.level === 'warning');
  return worst?.message ?? null;
}

/** Tracks in name order: the cache's key order is not the page's, and a name order is easy to scan. */
function byTrackName(summary: Summary): Summary {
  return { ...summary, tracks: [...summary.tracks].sort((a, b) => a.track.localeCompare(b.track)) };
}

/** Everything the popup's data view needs, as of `today`. */
export function popupModel(data: PopupData, today: CalendarDate): PopupModel {
  const window = data.settings.warningWindow ?? DEFAULT_WARNING_WINDOW;
  const shown: CachedSet[] = [];
  const missing: CachedSet[] = [];
  const disagreements: Disagreement[] = [];
  const overAssigned: CachedSet[] = [];
  for (const set of data.sets) {
    if (set.missingSince) {
      missing.push(set);
      continue;
    }
    shown.push(set);
    if (set.licenses !== null && set.assigned !== null && set.assigned > set.licenses) overAssigned.push(set);
    // Judged on the day the page showed it: a set that simply expired since is no disagreement.
    if (set.pageStatus) {
      const facts = factsFor(set, set.lastSeen, window);
      if (facts.groupingDisagrees) disagreements.push({ set, pageStatus: set.pageStatus, datesSay: facts.status });
    }
  }
  missing.sort((a, b) => (b.missingSince ?? '').localeCompare(a.missingSince ?? '') || a.name.localeCompare(b.name));
  const ahead = deadlines(shown, today, data.settings.deadlineHorizon, window);
  return {
    today,
    settings: data.settings,
    setCount: data.sets.length,
    organizations: organizationsOf(data.sets),
    licensesUrl: licensesPageUrl(data.meta?.lastSyncUrl, data.lastLog?.url),
    summary: byTrackName(summarize(shown, today, window)),
    ending: capped(ahead.ending),
    starting: capped(ahead.starting),
    missing: capped(missing),
    disagreements: capped(disagreements),
    overAssigned: capped(overAssigned),
    lastProblem: lastProblem(data.lastLog),
  };
}
