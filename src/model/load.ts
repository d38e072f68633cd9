/**
 * File-system side of the validator: reads every file under a data folder, once per build.
 * tools/validate.ts prints what `loadData` finds; tools/build.ts validates the same way and
 * hands its records to the site through `holdRecords`, so that src/model/catalog.ts (the only
 * reader of the data inside Astro) parses no YAML and runs no schema a second time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { report, validateFiles, type DataFile, type Problem, type Records, type ValidateOptions } from './validate.ts';

/** Lists every file under `dir` (sorted), or null when the folder does not exist. */
export const readDataFiles = (dir: string, cwd = process.cwd()): DataFile[] | null => {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return {
        display: relative(cwd, full).split(sep).join('/'),
        rel: relative(dir, full).split(sep).join('/'),
        bytes: readFileSync(full),
      };
    })
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
};

/** Reads and validates a data folder: the records, or every problem. */
export const loadData = (
  dir: string,
  cwd = process.cwd(),
  opts: ValidateOptions = {},
): { problems: Problem[]; records?: Records } => {
  const files = readDataFiles(dir, cwd);
  if (files === null) {
    const shown = relative(cwd, dir) || dir;
    return { problems: [{ file: `${shown}/`, line: 1, column: 1, field: '(file)', message: 'The data folder does not exist' }] };
  }
  return validateFiles(files, opts);
};

/** The data folder: DATA_DIR from the environment (tests, benchmark), else ./data. */
export const dataDir = () => process.env.DATA_DIR ?? join(process.cwd(), 'data');

/**
 * Validated records handed from tools/build.ts to the Astro build it starts in the same process.
 * A global, not a module variable: Astro bundles src/ into its own chunks, so the site's copy of
 * this module is not the one tools/build.ts imported.
 */
const HELD = Symbol.for('provider-atlas.validated-records');
type Held = { dir: string; records: Records };
const held = globalThis as typeof globalThis & { [HELD]?: Held };

/** Keeps the records validated from `dir` for `siteRecords` (tools/build.ts, before `astro build`). */
export const holdRecords = (dir: string, records: Records) => {
  held[HELD] = { dir: resolve(dir), records };
};

/**
 * The records of the site's data folder (`dataDir()`): those tools/build.ts already validated, or,
 * under `astro dev` / `astro build` run directly, read and validated now. Throws listing every
 * problem, as `npm run validate` prints them, when the data is invalid.
 */
export const siteRecords = (dir = dataDir()): Records => {
  const d = resolve(dir);
  const h = held[HELD];
  if (h?.dir === d) return h.records;
  const { problems, records } = loadData(d);
  if (problems.length || !records) throw new Error(`Invalid data:\n${report(problems).join('\n')}`);
  return records;
};
