/** What one read of a page found: the contract between the page reader and everything after it. */
import type { LicenseSet } from './license';

export interface Diagnostic {
  level: 'info' | 'warning' | 'error';
  /** Written for a person: "1 row had no end date: 'ECE Cohort B'". */
  message: string;
}

export interface PageRead {
  /** The page shows the Manage Licenses page (a heading, status groups and license counts). */
  isLicensesPage: boolean;
  /**
   * The read saw the whole page: not mid-load, no row it could not place. Only a complete read
   * may mark cached sets as "no longer shown on the page".
   */
  complete: boolean;
  organization: string | null;
  tracks: string[];
  sets: LicenseSet[];
  diagnostics: Diagnostic[];
}
