/**
 * `npm run data:report [-- <data dir>]`: coverage of the data folder — providers, models,
 * offerings, share linked and priced, each pricing meter, limit and feature, and the largest
 * unlinked groups; models by type, families, fine-tunes, variants and duplicate names; then
 * issue #15's acceptance figures (counts, new models, prices confirmed by two sources or a
 * provider page, conflicts, stale lifecycle, duplicate pairs), and issue #17's region and
 * residency coverage. Exits 1 when the folder does not
 * validate.
 */
import { resolve } from 'node:path';
import { acceptance, acceptanceReport, coverageReport } from '../src/model/data-report.ts';
import { identityReport } from '../src/model/identity-report.ts';
import { regionCoverage, regionReport } from '../src/model/region-report.ts';
import { dataDir, loadData } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';

const { problems, records } = loadData(resolve(process.argv[2] ?? dataDir()));
if (problems.length) {
  for (const line of report(problems)) console.error(line);
  process.exit(1);
}
for (const line of coverageReport(records!)) console.log(line);
for (const line of identityReport(records!)) console.log(line);
for (const line of ['', ...acceptanceReport(acceptance(records!))]) console.log(line);
for (const line of ['', ...regionReport(regionCoverage(records!))]) console.log(line);
