/**
 * `npm run data:report [-- <data dir>]`: coverage of the data folder — providers, models,
 * offerings, share linked and priced, each pricing meter, limit and feature, and the largest
 * unlinked groups; then issue #15's acceptance figures (models by type, new models, prices
 * confirmed by two sources or a provider page, conflicts, stale lifecycle, duplicate names).
 * Exits 1 when the folder does not validate.
 */
import { resolve } from 'node:path';
import { acceptance, acceptanceReport, coverageReport } from '../src/model/data-report.ts';
import { dataDir, loadData } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';

const { problems, records } = loadData(resolve(process.argv[2] ?? dataDir()));
if (problems.length) {
  for (const line of report(problems)) console.error(line);
  process.exit(1);
}
for (const line of [...coverageReport(records!), '', ...acceptanceReport(acceptance(records!))]) console.log(line);
