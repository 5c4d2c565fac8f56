/**
 * The CSV export: one row per set, the same file from the popup, the overlay and the parse command.
 * papaparse does the quoting (commas, quotes, line breaks in names) and neutralises cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return) with a leading apostrophe.
 */
import Papa from 'papaparse';
import type { CalendarDate } from './dates';
import { DEFAULT_WARNING_WINDOW, factsFor, type LicenseSet } from './license';

/** A set as the cache knows it: what the page showed plus when it was seen. */
export interface ExportableSet extends LicenseSet {
  /** Calendar date the set was first read. */
  firstSeen?: CalendarDate | null;
  /** Calendar date the set was last shown on the page. */
  lastSeen?: CalendarDate | null;
  /** Calendar date since which a complete read of the page no longer showed the set. */
  missingSince?: CalendarDate | null;
}

export const CSV_COLUMNS = [
  'Organization',
  'Track',
  'License set',
  'Status',
  'Licenses',
  'Assigned',
  'Unassigned',
  'Completed',
  'Start date',
  'End date',
  'Days until end',
  'Expiring soon',
  'Page status',
  'First seen',
  'Last seen on page',
  'No longer shown since',
] as const;

function cell(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** The rows of the export, as arrays of cells in CSV_COLUMNS order. */
function csvRows(sets: readonly ExportableSet[], today: CalendarDate, window = DEFAULT_WARNING_WINDOW) {
  return sets.map((set) => {
    const facts = factsFor(set, today, window);
    return [
      set.organization,
      set.track,
      set.name,
      facts.status,
      set.licenses,
      set.assigned,
      facts.unassigned,
      set.completed,
      set.startDate,
      set.endDate,
      facts.daysUntilEnd,
      facts.expiringSoon,
      set.pageStatus,
      set.firstSeen,
      set.lastSeen,
      set.missingSince,
    ].map(cell);
  });
}

/** UTF-8 byte order mark, so Excel opens the file as UTF-8 as is. */
export const BOM = '\uFEFF';

/** The whole CSV file: BOM, header, one row per set, CRLF line ends. */
export function toCsv(sets: readonly ExportableSet[], today: CalendarDate, window = DEFAULT_WARNING_WINDOW): string {
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: csvRows(sets, today, window) },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return `${BOM}${body}\r\n`;
}

/** `letrs-licenses-YYYY-MM-DD.csv` */
export function csvFileName(today: CalendarDate): string {
  return `letrs-licenses-${today}.csv`;
}
