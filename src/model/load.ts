/**
 * File-system side of the validator: reads every file under a data folder. Used by
 * tools/validate.ts and by the content collections, so that both see the same records.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { validateFiles, type DataFile, type Problem, type Records } from './validate.ts';

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
export const loadData = (dir: string, cwd = process.cwd()): { problems: Problem[]; records?: Records } => {
  const files = readDataFiles(dir, cwd);
  if (files === null) {
    const shown = relative(cwd, dir) || dir;
    return { problems: [{ file: `${shown}/`, line: 1, column: 1, field: '(file)', message: 'The data folder does not exist' }] };
  }
  return validateFiles(files);
};

/** The data folder: DATA_DIR from the environment (tests, benchmark), else ./data. */
export const dataDir = () => process.env.DATA_DIR ?? join(process.cwd(), 'data');
