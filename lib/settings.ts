/** The user's settings, their defaults and their bounds. Stored by the background worker. */
import { DEFAULT_WARNING_WINDOW } from './license';
import { DEFAULT_DEADLINE_HORIZON } from './summary';

export interface Settings {
  /** Days before the end date that a set counts as expiring soon (Lexia's page uses 30). */
  warningWindow: number;
  /** Days ahead the popup lists deadlines for. */
  deadlineHorizon: number;
  notificationsEnabled: boolean;
  /** Days before the end date to notify, e.g. [30, 7, 1]. */
  notificationLeadTimes: number[];
  /** Organizations left out of the badge (by name); empty = all count. */
  badgeExcludedOrganizations: string[];
  /** Tracks left out of the badge (by name); empty = all count. */
  badgeExcludedTracks: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  warningWindow: DEFAULT_WARNING_WINDOW,
  deadlineHorizon: DEFAULT_DEADLINE_HORIZON,
  notificationsEnabled: false,
  notificationLeadTimes: [30, 7, 1],
  badgeExcludedOrganizations: [],
  badgeExcludedTracks: [],
};

/** Day counts the user can set: 1–365. */
export const MIN_DAYS = 1;
export const MAX_DAYS = 365;
