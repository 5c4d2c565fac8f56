/**
 * The page reader bundled for a Chromium page (global `letrsReader`), from the same source the
 * content script bundles. Used by the reader benchmark and the reader's Chromium tests.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function readerBundle({ minify = false } = {}): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, '../lib/reader/index.ts')],
    bundle: true,
    minify,
    format: 'iife',
    globalName: 'letrsReader',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
