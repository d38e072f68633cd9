/**
 * `node tools/redirects.ts [--from <commit>] [--check]`
 *
 * Computes the redirects of pages that existed at <commit> (default 7610c3b, before issue #15's
 * identity work) and are gone now: old model pages → the model they were merged into or moved to,
 * old family pages → the family record now holding most of their models (tools/redirects/map.ts).
 * Reads the old models and offerings from git history and the current records from data/, and
 * writes the map to src/model/redirects.json, which astro.config.mjs hands to Astro's `redirects`
 * (one meta-refresh page per entry). Existing entries are kept unless they now point nowhere, so
 * a later run from a newer commit adds to the map. `--check` writes nothing and fails when the
 * committed map differs from what it would write.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { dataDir, loadData, readDataFiles } from '../src/model/load.ts';
import { linkCatalog } from '../src/model/link.ts';
import { report } from '../src/model/validate.ts';
import { familyPages } from '../src/views/model/family.ts';
import { familyPath, modelPath, organizationPath } from '../src/core/urls.ts';
import { familyFallbacks, familyMoves, modelMoves, redirectMap, type OfferingRef, type OldModel } from './redirects/map.ts';

const root = resolve(import.meta.dirname, '..');
export const MAP_FILE = join(root, 'src/model/redirects.json');

const args = process.argv.slice(2);
const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : '7610c3b';
if (!from || !/^[0-9a-f]{7,40}$/i.test(from)) {
  console.error('Usage: node tools/redirects.ts [--from <commit>] [--check]');
  process.exit(2);
}

// The old records: models and offerings of <from>, out of git into a scratch folder.
const scratch = mkdtempSync(join(tmpdir(), 'redirects-'));
const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', from, 'data/models', 'data/offerings'], {
  maxBuffer: 1 << 30,
});
execFileSync('tar', ['-x', '-C', scratch], { input: tar });
const readOld = <T>(kind: string, fields: (rec: Record<string, unknown>, id: string) => T): T[] =>
  (readDataFiles(join(scratch, 'data', kind)) ?? [])
    .filter((f) => f.rel.endsWith('.yaml'))
    .map((f) => fields(parse(Buffer.from(f.bytes).toString('utf8')) as Record<string, unknown>, f.rel.replace(/\.yaml$/, '')));
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const oldModels = readOld('models', (r, id): OldModel => ({
  id,
  family: str(r.family),
  aliases: Array.isArray(r.aliases) ? r.aliases.filter((a): a is string => typeof a === 'string') : undefined,
}));
const oldOfferings = readOld('offerings', (r, id): OfferingRef => ({
  provider: str(r.provider) ?? id.slice(0, id.indexOf('/')),
  provider_model_id: str(r.provider_model_id) ?? '',
  model: str(r.model),
}));
rmSync(scratch, { recursive: true, force: true });

// The current records, validated, and the family pages the site builds from them.
const { problems, records } = loadData(dataDir());
if (problems.length || !records) {
  for (const line of report(problems)) console.error(line);
  process.exit(1);
}
const catalog = linkCatalog(records.providers, records.models, records.organizations, records.offerings, records.families);
const familyPageIds = new Set(familyPages(records.families, catalog.models).map((p) => p.id));

const models = modelMoves(oldModels, oldOfferings, records.models, records.offerings);
const families = familyMoves(oldModels, models, records.models, records.families, familyPageIds);
const fallbacks = familyFallbacks(oldModels, models, records.models, familyPageIds, new Set(families.keys()));
const computed = redirectMap(models, families, fallbacks, {
  model: modelPath,
  family: familyPath,
  organization: organizationPath,
});

// Entries of earlier runs stay while their target is still a page and their source is not.
const pages = new Set([
  ...catalog.models.map((m) => modelPath(m.id)),
  ...[...familyPageIds].map(familyPath),
  ...catalog.organizations.filter((o) => o.models.length > 0).map((o) => organizationPath(o.id)),
]);
const previous = existsSync(MAP_FILE) ? (JSON.parse(readFileSync(MAP_FILE, 'utf8')) as Record<string, string>) : {};
const kept = Object.entries(previous).filter(([src, to]) => pages.has(to) && !pages.has(src));
const merged = Object.fromEntries([...kept, ...Object.entries(computed)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const text = `${JSON.stringify(merged, null, 2)}\n`;

const goneModels = oldModels.filter((m) => !catalog.modelById.has(m.id));
const oldFamilies = new Set(oldModels.flatMap((m) => (m.family ? [m.family] : [])));
const goneFamilies = [...oldFamilies].filter((f) => !familyPageIds.has(f));
const byEvidence = Object.groupBy([...models.values()], (m) => m.by);
console.log(
  [
    `models: ${oldModels.length} at ${from}, ${goneModels.length} gone, ${models.size} redirected (${Object.entries(byEvidence)
      .map(([k, v]) => `${k} ${v?.length ?? 0}`)
      .join(', ')})`,
    ...goneModels.filter((m) => !models.has(m.id)).map((m) => `  no target: /models/${m.id}/`),
    `families: ${oldFamilies.size} slugs at ${from}, ${goneFamilies.length} without a page now, ${families.size} to a family, ` +
      `${[...fallbacks.values()].filter((f) => f.kind === 'model').length} to their one model, ` +
      `${[...fallbacks.values()].filter((f) => f.kind === 'organization').length} to their maker`,
    ...goneFamilies.filter((f) => !families.has(f) && !fallbacks.has(f)).map((f) => `  no target: /families/${f}/`),
  ].join('\n'),
);

if (args.includes('--check')) {
  const now = existsSync(MAP_FILE) ? readFileSync(MAP_FILE, 'utf8') : '';
  if (now !== text) {
    console.error('✗ src/model/redirects.json is out of date: run node tools/redirects.ts');
    process.exit(1);
  }
  console.log('✓ src/model/redirects.json is up to date');
} else {
  writeFileSync(MAP_FILE, text);
  console.log(`✓ wrote ${Object.keys(merged).length} redirects to src/model/redirects.json`);
}
