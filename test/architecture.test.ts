/**
 * The layout's promises, checked: lib/ is plain TypeScript that runs anywhere (no extension APIs),
 * no test sits inside entrypoints/ (it would break the WXT build), and no code writes HTML from
 * strings or evaluates code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const source = (dir: string) => filesUnder(dir).filter((f) => /\.(ts|tsx)$/.test(f));

/** The file's code without its comments (doc comments may name the APIs they avoid). */
const code = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('lib/', () => {
  it.each(source('lib'))('%s uses no extension API', (file) => {
    const text = code(file);
    expect(text).not.toMatch(/from ['"](wxt\/browser|webextension-polyfill|#imports)['"]/);
    expect(text).not.toMatch(/\bchrome\.\w+/);
    expect(text).not.toMatch(/\bbrowser\.(runtime|storage|tabs|action|alarms|notifications|permissions)\b/);
  });
});

describe('entrypoints/', () => {
  it('holds no test file', () => {
    expect(filesUnder('entrypoints').filter((f) => /\.(test|spec)\./.test(f))).toEqual([]);
  });
});

describe('all code', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap(source);
  it.each(files)('%s never writes HTML from strings or evaluates code', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|\beval\(|new Function\(/,
    );
  });
});
