/** Redirects of old paths (tools/redirects.ts): the mapping rules, and the committed map against the pages the site builds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  familyFallbacks,
  familyMoves,
  familyOf,
  modelMoves,
  redirectMap,
  type CurrentModel,
  type OfferingRef,
  type OldModel,
} from '../../../tools/redirects/map.ts';
import { loadData } from '../../../src/model/load.ts';
import { linkCatalog } from '../../../src/model/link.ts';
import { familyPages } from '../../../src/views/model/family.ts';
import { familyPath, modelPath, organizationPath } from '../../../src/core/urls.ts';

const current: CurrentModel[] = [
  { id: 'acme/big', family: 'atlas-2', aliases: ['acme/big-think', 'big-preview'] },
  { id: 'acme/small', family: 'atlas-2' },
  { id: 'acme/one', family: 'atlas-1' },
  { id: 'tuner/big-tuned', base_model: 'acme/big' },
  { id: 'tuner/solo' },
  { id: 'other/solo-x', aliases: ['solo-x'] },
  { id: 'dup/a', aliases: ['shared'] },
  { id: 'dup/b', aliases: ['shared'] },
];
const currentOfferings: OfferingRef[] = [
  { provider: 'p1', provider_model_id: 'big-fast', model: 'acme/big' },
  { provider: 'p2', provider_model_id: 'big-fast', model: 'acme/small' },
  { provider: 'p3', provider_model_id: 'big-fast', model: 'acme/big' },
];
const old: OldModel[] = [
  { id: 'acme/big', family: 'atlas-2' },
  { id: 'acme/big-fast', family: 'big' },
  { id: 'acme/big-think', family: 'big' },
  { id: 'acme/small', family: 'small' },
  { id: 'acme/one', family: 'small' },
  { id: 'acme/big-tuned', family: 'tuned' },
  { id: 'tuner/solo', family: 'solo' },
  { id: 'other/solo-x', family: 'solo' },
  { id: 'acme/big-preview' },
  { id: 'acme/shared' },
  { id: 'acme/lost', family: 'lost' },
];
const oldOfferings: OfferingRef[] = currentOfferings.map((o) => ({ ...o, model: 'acme/big-fast' }));

test('a gone model follows its offerings, then an alias of its id, a move, an alias of its slug', () => {
  const moves = modelMoves(old, oldOfferings, current, currentOfferings);
  assert.deepEqual(Object.fromEntries(moves), {
    // Two of its three offerings are acme/big's now.
    'acme/big-fast': { to: 'acme/big', by: 'offerings' },
    'acme/big-think': { to: 'acme/big', by: 'alias-id' },
    'acme/big-tuned': { to: 'tuner/big-tuned', by: 'moved' },
    'acme/big-preview': { to: 'acme/big', by: 'alias-slug' },
  });
  // Models still there, found nowhere (acme/lost) or ambiguous (acme/shared: two models' alias) are left out.
});

test('familyOf: the model family, else its base model’s', () => {
  const byId = new Map(current.map((m) => [m.id, m]));
  assert.equal(familyOf('acme/small', byId), 'atlas-2');
  assert.equal(familyOf('tuner/big-tuned', byId), 'atlas-2');
  assert.equal(familyOf('tuner/solo', byId), undefined);
});

test('a gone family slug goes to the family holding most of its models; a tie to their common parent', () => {
  const moves = modelMoves(old, oldOfferings, current, currentOfferings);
  const families = [{ id: 'atlas' }, { id: 'atlas-1', parent: 'atlas' }, { id: 'atlas-2', parent: 'atlas' }];
  const pages = new Set(['atlas', 'atlas-1', 'atlas-2']);
  assert.deepEqual(Object.fromEntries(familyMoves(old, moves, current, families, pages)), {
    big: 'atlas-2',
    // acme/small in atlas-2, acme/one in atlas-1: one each.
    small: 'atlas',
    // A fine-tune counts for its base model's family.
    tuned: 'atlas-2',
  });
  // Without a page for the parent, the tie goes to the smallest id.
  assert.equal(familyMoves(old, moves, current, families, new Set(['atlas-1', 'atlas-2'])).get('small'), 'atlas-1');
});

test('a slug without a family target falls back to its one model, else the organization making most', () => {
  const moves = modelMoves(old, oldOfferings, current, currentOfferings);
  const fallbacks = familyFallbacks(old, moves, current, new Set(['atlas-2']), new Set(['big', 'small', 'tuned']));
  assert.deepEqual(Object.fromEntries(fallbacks), { solo: { kind: 'organization', id: 'other' } });
  const one = familyFallbacks([old[6]!], moves, current, new Set(), new Set());
  assert.deepEqual(Object.fromEntries(one), { solo: { kind: 'model', id: 'tuner/solo' } });
  const paths = { model: modelPath, family: familyPath, organization: organizationPath };
  assert.deepEqual(redirectMap(new Map([['a/b', { to: 'c/b', by: 'moved' }]]), new Map([['x', 'y']]), one, paths), {
    '/families/solo/': '/models/tuner/solo/',
    '/families/x/': '/families/y/',
    '/models/a/b/': '/models/c/b/',
  });
});

test('the committed map leads from paths the site does not build to pages it builds', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const map = JSON.parse(readFileSync(join(root, 'src/model/redirects.json'), 'utf8')) as Record<string, string>;
  const { problems, records } = loadData(join(root, 'data'));
  assert.deepEqual(problems, []);
  const r = records!;
  const catalog = linkCatalog(r.providers, r.models, r.organizations, r.offerings, r.families);
  const pages = new Set([
    ...catalog.models.map((m) => modelPath(m.id)),
    ...familyPages(r.families, catalog.models).map((p) => familyPath(p.id)),
    ...catalog.organizations.filter((o) => o.models.length > 0).map((o) => organizationPath(o.id)),
  ]);
  const entries = Object.entries(map);
  assert.ok(entries.length > 0);
  assert.deepEqual(
    entries.filter(([, to]) => !pages.has(to)),
    [],
    'targets that are not pages',
  );
  assert.deepEqual(
    entries.filter(([from]) => pages.has(from)),
    [],
    'old paths that are pages again',
  );
  for (const [from] of entries) assert.match(from, /^\/(models\/[^/]+|families)\/[^/]+\/$/, from);
  assert.deepEqual(Object.keys(map), Object.keys(map).sort(), 'sorted by old path');
});
