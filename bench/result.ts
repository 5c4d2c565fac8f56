/** One benchmark figure. `target` is a bound such as "<= 500"; `met` says whether the value keeps it. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
  /** How it was measured (runs, median of N…), printed beside the figure. */
  note?: string;
}

/** A result whose target is an upper bound. Values are rounded to two decimals. */
export function atMost(name: string, value: number, unit: string, bound: number, note?: string): BenchResult {
  const rounded = Math.round(value * 100) / 100;
  return { name, value: rounded, unit, target: `<= ${bound}`, met: rounded <= bound, note };
}

/** The median of a list of timings. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
