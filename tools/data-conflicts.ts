/**
 * `npm run data:conflicts [-- <data dir>] [--json]`: every disagreement between sources over the
 * data (offering, field, each source's value and date, the kept value and the rule that kept
 * it), grouped by provider, then a summary line. A conflict is information: exits 0, and 1 only
 * when the folder does not validate.
 */
import { resolve } from 'node:path';
import { dataConflicts, formatConflicts } from '../src/model/data-conflicts.ts';
import { dataDir, loadData } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';

/** Runs the CLI; returns the exit code. Exported for the tests. */
export const main = (argv: string[], log = console.log, error = console.error): number => {
  const json = argv.includes('--json');
  const dir = argv.find((a) => !a.startsWith('--'));
  const { problems, records } = loadData(resolve(dir ?? dataDir()));
  if (problems.length || !records) {
    for (const line of report(problems)) error(line);
    return 1;
  }
  const result = dataConflicts(records);
  if (json) log(JSON.stringify(result, null, 2));
  else for (const line of formatConflicts(result)) log(line);
  return 0;
};

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
