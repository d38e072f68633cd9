/**
 * `npm run validate [-- <data dir>]`: checks every record and prints every problem as
 * `file:line:column field.path: message`; exits 1 when there is any.
 */
import { resolve } from 'node:path';
import { dataDir, loadData } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';

const dir = resolve(process.argv[2] ?? dataDir());
const started = performance.now();
const { problems, records } = loadData(dir);
const ms = Math.round(performance.now() - started);
if (problems.length) {
  for (const line of report(problems)) console.error(line);
  // exitCode rather than exit(): let a long report flush to a pipe before the process ends.
  process.exitCode = 1;
} else {
  const r = records!;
  console.log(
    `✓ ${r.providers.length} providers, ${r.organizations.length} organizations, ${r.models.length} models, ${r.offerings.length} offerings valid (${ms} ms)`,
  );
}
