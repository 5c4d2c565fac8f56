/**
 * The first database schema (v1), frozen, for the migration test: a Dexie declaring only
 * SCHEMA_V1, and the load of test/fixtures/db/v1.json (written by scripts/make-db-fixture.ts)
 * into it. The test then opens the same database with the current schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie, { type Table } from 'dexie';
import { SCHEMA_V1 } from '../lib/db';

export const V1_FIXTURE_FILE = resolve(import.meta.dirname, '../test/fixtures/db/v1.json');

/** Every table of a v1 database, rows in primary-key order. */
export interface V1Dump {
  schemaVersion: 1;
  tables: Record<keyof typeof SCHEMA_V1, Record<string, unknown>[]>;
}

/** A database declared exactly as the extension's first release declared it. */
export function v1Database(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  return db;
}

export const V1_TABLES = Object.keys(SCHEMA_V1) as (keyof typeof SCHEMA_V1)[];

export function readV1Fixture(): V1Dump {
  return JSON.parse(readFileSync(V1_FIXTURE_FILE, 'utf8')) as V1Dump;
}

/** Adds every table's rows in one transaction. */
async function fill(db: Dexie, tables: Table[], rows: (table: string) => unknown[]): Promise<void> {
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.bulkAdd(rows(table.name));
  });
}

/** Writes a dump into a new v1 database called `name` and closes it. */
export async function loadV1(name: string, dump: V1Dump = readV1Fixture()): Promise<void> {
  const db = v1Database(name);
  await fill(
    db,
    V1_TABLES.map((table) => db.table(table)),
    (table) => dump.tables[table as keyof typeof SCHEMA_V1],
  );
  db.close();
}

/** Every row of the v1 tables of any database, in primary-key order. */
export async function dumpTables(db: Dexie): Promise<V1Dump['tables']> {
  const tables = {} as V1Dump['tables'];
  for (const table of V1_TABLES) tables[table] = await db.table(table).toArray();
  return tables;
}
