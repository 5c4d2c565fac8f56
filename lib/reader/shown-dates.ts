/**
 * The dates a text shows (lib/dates.ts does the reading), remembered per text for the rest of
 * a read: rows repeat the same dates, and parsing is the costliest part of reading a row.
 */
import { countDateTokens, type DateRange, findDates, parseDateRange } from '../dates';

export interface DatesShown {
  range: DateRange;
  dates: string[];
  /** Date-looking tokens that are not real dates (Feb 30). */
  impossible: number;
}

const NONE: DateRange = { start: null, end: null };

/** Reads the dates a text shows. */
function datesShown(text: string): DatesShown {
  const dates = findDates(text);
  // Every date has a four-digit year: as many dates as years means none was impossible.
  const years = text.match(/\d{4}/g)?.length ?? 0;
  const impossible = years > dates.length ? countDateTokens(text) - dates.length : 0;
  return { range: dates.length > 0 ? parseDateRange(text) : NONE, dates, impossible };
}

/** datesShown, remembered per text. */
export function datesReader(): (text: string) => DatesShown {
  const memo = new Map<string, DatesShown>();
  return (text) => {
    let shown = memo.get(text);
    if (!shown) {
      shown = datesShown(text);
      memo.set(text, shown);
    }
    return shown;
  };
}
