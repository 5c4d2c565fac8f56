/**
 * `npm run bench`: runs every bench/*.bench.ts and prints its figures against their targets.
 * `npm run --silent bench -- --json` prints `[{ name, value, unit, target, met }]` only.
 * `npm run bench -- NAME…` runs only the bench files whose name contains one of the words.
 *
 * Each bench file exports `run(): Promise<BenchResult[]>`. Benchmarks that need Chromium
 * build the extension first (`npm run build`) and say so when it is missing.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './result';

const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
  for (const result of await mod.run()) {
    results.push(result);
    if (!json) {
      const mark = result.met ? 'ok  ' : 'MISS';
      const note = result.note ? `  (${result.note})` : '';
      console.log(
        `${mark} ${result.name.padEnd(34)} ${String(result.value).padStart(10)} ${result.unit.padEnd(6)} target ${result.target}${note}`,
      );
    }
  }
}
if (json)
  console.log(
    JSON.stringify(
      results.map(({ name, value, unit, target, met }) => ({ name, value, unit, target, met })),
      null,
      2,
    ),
  );
