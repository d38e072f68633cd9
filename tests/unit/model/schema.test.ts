/**
 * Direct tests of the schemas (src/model/schema.ts), the strict YAML reader
 * (src/model/yaml-source.ts) and validateFiles on in-memory files (src/model/validate.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HttpsUrl,
  IsoDate,
  ModelSchema,
  OfferingSchema,
  OrganizationSchema,
  PartialDate,
  PriceVariantSchema,
  PricingSchema,
  ProviderSchema,
} from '../../../src/model/schema.ts';
import { fieldPath, findInvalidUtf8, formatProblem, locate, parseYaml, type ParsedYaml } from '../../../src/model/yaml-source.ts';
import { normalizeAlias, report, validateFiles, type DataFile } from '../../../src/model/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const enc = (s: string) => new TextEncoder().encode(s);

/** Parses YAML text that must be readable; returns the parsed file. */
const parsed = (text: string): ParsedYaml => {
  const r = parseYaml('t.yaml', enc(text));
  if (!r.ok) assert.fail(`expected ${JSON.stringify(text)} to parse, got ${r.problems.map(formatProblem).join('; ')}`);
  return r.value;
};
/** Parses YAML text that must be refused; returns the problems. */
const refused = (bytes: string | Uint8Array) => {
  const r = parseYaml('t.yaml', typeof bytes === 'string' ? enc(bytes) : bytes);
  assert.equal(r.ok, false, 'expected the YAML to be refused');
  return (r as { ok: false; problems: { line: number; column: number; field: string; message: string }[] }).problems;
};
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('findInvalidUtf8', () => {
  test('accepts ASCII and well-formed 2-, 3- and 4-byte sequences', () => {
    assert.equal(findInvalidUtf8(enc('name: Café — 東京 😀\n')), -1);
    assert.equal(findInvalidUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), -1, 'a BOM is valid UTF-8');
    assert.equal(findInvalidUtf8(new Uint8Array([])), -1);
  });

  test('returns the offset of the first bad byte', () => {
    assert.equal(findInvalidUtf8(new Uint8Array([0x61, 0x62, 0xc3, 0x28])), 2, '0xC3 followed by a non-continuation byte');
    assert.equal(findInvalidUtf8(new Uint8Array([0x61, 0x80])), 1, 'lone continuation byte');
    assert.equal(findInvalidUtf8(new Uint8Array([0xc0, 0xaf])), 0, 'overlong 2-byte encoding of "/"');
    assert.equal(findInvalidUtf8(new Uint8Array([0xe0, 0x80, 0xaf])), 0, 'overlong 3-byte encoding');
    assert.equal(findInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'UTF-16 surrogate U+D800');
    assert.equal(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(findInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82])), 1, 'sequence cut off at the end of the file');
    assert.equal(findInvalidUtf8(new Uint8Array([0x61, 0xff])), 1, '0xFF never appears in UTF-8');
  });

  test('the invalid-utf8 fixture really holds a 0xC3 0x28 sequence (not re-saved as UTF-8)', () => {
    const bytes = readFileSync(join(ROOT, 'tests/fixtures/invalid/invalid-utf8/organizations/globex.yaml'));
    assert.equal(findInvalidUtf8(bytes), 10);
    assert.deepEqual([...bytes.subarray(10, 12)], [0xc3, 0x28]);
  });
});

describe('parseYaml', () => {
  test('YAML 1.2 core schema: NO, yes, on and dates stay strings; 1.10 is the number 1.1', () => {
    const d = parsed('country: NO\nb: yes\nc: on\nd: 2025-02-30\nv: 1.10\noctal: 017\nn: ~\ni: .inf\n').data as Record<
      string,
      unknown
    >;
    assert.equal(d.country, 'NO');
    assert.equal(d.b, 'yes');
    assert.equal(d.c, 'on');
    assert.equal(d.d, '2025-02-30');
    assert.equal(d.v, 1.1);
    assert.equal(d.octal, 17, '017 is decimal in YAML 1.2, not octal');
    assert.equal(d.n, null);
    assert.equal(d.i, Infinity);
  });

  test('duplicate keys are refused at the second key, naming the key and both lines', () => {
    const [p, ...rest] = refused('name: a\nkind: cloud\nname: b\n');
    assert.deepEqual(rest, []);
    assert.equal(
      formatProblem(p as never),
      't.yaml:3:1 name: Duplicate key "name": first on line 1, again on line 3; each key may appear once',
    );
    const [nested] = refused('name: a\npricing:\n  input: 1\n  output: 2\n  input: 3\n');
    assert.equal(
      formatProblem(nested as never),
      't.yaml:5:3 pricing.input: Duplicate key "input": first on line 3, again on line 5; each key may appear once',
    );
  });

  test('aliases are capped: a billion-laughs document is refused, a couple of aliases are fine', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    const [p, ...rest] = refused(bomb + '\n');
    assert.deepEqual(rest, []);
    assert.equal(
      formatProblem(p as never),
      't.yaml:4:8 d[0]: Alias *c brings the values added by aliases to 1,729, more than the cap of 1,000 per file (an alias bomb); write the values out',
    );
    assert.deepEqual(parsed('a: &x [1, 2]\nb: *x\nc: *x\n').data, { a: [1, 2], b: [1, 2], c: [1, 2] });
    // A scalar referenced over and over adds one value per alias.
    const many = ['a: &x y', ...Array.from({ length: 1001 }, (_, i) => `k${i}: *x`)].join('\n') + '\n';
    assert.equal(formatProblem(refused(many)[0] as never).split(' ')[0], 't.yaml:1002:8');
    const [self] = refused('a: &x [1, *x]\n');
    assert.equal(formatProblem(self as never), 't.yaml:1:11 a[1]: Alias *x refers to a value that contains it');
  });

  test('empty, comment-only, multi-document and non-mapping files are refused with a file-level problem', () => {
    assert.match(refused('')[0]!.message, /empty/);
    assert.match(refused('# only\n# comments\n')[0]!.message, /only comments/);
    const multi = refused('a: 1\n---\na: 2\n')[0]!;
    assert.deepEqual([multi.line, multi.message.startsWith('More than one YAML document')], [2, true]);
    assert.match(refused('- a\n- b\n')[0]!.message, /must be a mapping/);
    assert.match(refused('just a string\n')[0]!.message, /must be a mapping/);
  });

  test('invalid UTF-8 is refused with the line and column of the bad byte', () => {
    const bytes = new Uint8Array([...enc('name: ok\nnote: ab'), 0xc3, 0x28, 0x0a]);
    const [p] = refused(bytes);
    assert.deepEqual([p!.line, p!.column], [2, 9]);
    assert.match(p!.message, /Invalid UTF-8 at byte 17/);
  });

  test('non-text keys and unknown tags are refused; a UTF-8 BOM is accepted', () => {
    const [k] = refused('name: a\n1: one\n');
    assert.deepEqual([k!.line, k!.message], [2, 'Keys must be plain text']);
    // Tags outside the core schema do not stop the file being read: they are reported with the rest.
    const tagged = parsed('name: !custom a\nlogo: !!binary aGk=\nids: !!set {a, b}\nok: !!str 1\n');
    assert.deepEqual(tagged.problems.map(formatProblem), [
      't.yaml:1:7 name: Tag !custom is not allowed: records use plain YAML values (the core schema: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)',
      't.yaml:2:7 logo: Tag !!binary is not allowed: records use plain YAML values (the core schema: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)',
      't.yaml:3:6 ids: Tag !!set is not allowed: records use plain YAML values (the core schema: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)',
    ]);
    assert.deepEqual(tagged.refused, [['name'], ['logo'], ['ids']]);
    assert.equal((tagged.data as { ok: unknown }).ok, '1');
    assert.deepEqual(parsed('\ufeffname: a\n').data, { name: 'a' });
  });
});

describe('fieldPath and locate', () => {
  test('fieldPath renders Zod paths', () => {
    assert.equal(fieldPath(['pricing', 'tiers', 1, 'above_tokens']), 'pricing.tiers[1].above_tokens');
    assert.equal(fieldPath(['regions', 0]), 'regions[0]');
    assert.equal(fieldPath([]), '(root)');
    assert.equal(fieldPath(['modes', 'fast', 'input']), 'modes.fast.input');
  });

  test('locate finds values, keys, list items, and falls back to the nearest parent', () => {
    const src = parsed(
      '# header\nname: x\npricing:\n  input: 3\n  tiers:\n    - above_tokens: 100\n    - above_tokens: 200\nregions: [us, eu]\n',
    );
    assert.deepEqual(locate(src, ['name']), { line: 2, column: 7 });
    assert.deepEqual(locate(src, ['pricing', 'input']), { line: 4, column: 10 });
    assert.deepEqual(locate(src, ['pricing', 'input'], { key: true }), { line: 4, column: 3 });
    assert.deepEqual(locate(src, ['pricing', 'tiers', 1, 'above_tokens']), { line: 7, column: 21 });
    assert.deepEqual(locate(src, ['regions', 1]), { line: 8, column: 15 });
    assert.deepEqual(locate(src, ['pricing', 'output']), { line: 4, column: 3 }, 'missing: the parent mapping');
    assert.deepEqual(locate(src, ['pricing', 'tiers', 5]), { line: 6, column: 5 }, 'missing item: the list');
    assert.deepEqual(locate(src, []), { line: 2, column: 1 });
  });
});

describe('schemas', () => {
  test('dates: real calendar dates only, one message for a malformed date', () => {
    assert.ok(IsoDate.safeParse('2024-02-29').success, 'leap day');
    assert.deepEqual(messages(IsoDate.safeParse('2025-02-29')), ['2025-02-29 is not a real calendar date']);
    assert.deepEqual(messages(IsoDate.safeParse('2025-02-30')), ['2025-02-30 is not a real calendar date']);
    assert.deepEqual(messages(IsoDate.safeParse('2025-13-01')), ['2025-13-01 is not a real calendar date']);
    assert.deepEqual(messages(IsoDate.safeParse('2025-6-1')), ['Expected a date as YYYY-MM-DD']);
    assert.ok(PartialDate.safeParse('2025-02').success);
    assert.ok(PartialDate.safeParse('2025-02-28').success);
    assert.deepEqual(messages(PartialDate.safeParse('2025-13')), ['2025-13 is not a real calendar date']);
    assert.deepEqual(messages(PartialDate.safeParse('2025-00')), ['2025-00 is not a real calendar date']);
    assert.deepEqual(messages(PartialDate.safeParse(20250101)), ['Expected a date as YYYY-MM or YYYY-MM-DD']);
  });

  test('URLs: https with a domain only', () => {
    assert.ok(HttpsUrl.safeParse('https://example.com/pricing?x=1').success);
    for (const bad of [
      'http://example.com',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.com',
      'https://localhost',
      'https://10.0.0.1',
      'example.com',
      'https:example.com',
      'https:/example.com',
    ])
      assert.equal(HttpsUrl.safeParse(bad).success, false, bad);
  });

  test('organization: YAML 1.2 "NO" is Norway, lowercase is refused', () => {
    const org = OrganizationSchema.safeParse(parsed('name: Globex\ncountry: NO\n').data);
    assert.ok(org.success);
    assert.equal(org.data.country, 'NO');
    assert.equal(OrganizationSchema.safeParse({ name: 'Globex', country: 'no' }).success, false);
    assert.equal(
      OrganizationSchema.safeParse({ name: 'Globex', country: false }).success,
      false,
      'what YAML 1.1 would have produced',
    );
    assert.deepEqual(
      OrganizationSchema.safeParse({ name: 'x', contry: 'US' }).error?.issues.map((i) => i.code),
      ['unrecognized_keys'],
      'records are strict',
    );
  });

  test('pricing: defaults, price values, cache rule, currency rule, usage rule', () => {
    const ok = PricingSchema.parse({ input: 1, output: 2 });
    assert.deepEqual([ok.billing, ok.currency], ['usage', 'USD']);
    // Implausibly large prices are the plausibility bounds' business (src/model/policies.ts).
    for (const bad of [-1, Infinity, NaN, '3', '', null])
      assert.equal(PricingSchema.safeParse({ input: bad }).success, false, String(bad));
    assert.ok(PricingSchema.safeParse({ input: 0 }).success, 'free meters are 0');
    assert.deepEqual(messages(PricingSchema.safeParse({ input: 1, cache_read: 2 })), ['cache_read must not exceed input']);
    assert.deepEqual(messages(PricingSchema.safeParse({ currency: 'EUR', input: 1 })), [
      'A non-USD currency needs usd_rate {usd_per_unit, as_of}',
    ]);
    assert.ok(
      PricingSchema.safeParse({ currency: 'EUR', usd_rate: { usd_per_unit: 1.1, as_of: '2025-01-01' }, input: 1 }).success,
    );
    assert.equal(PricingSchema.safeParse({ billing: 'usage' }).success, false);
    assert.ok(PricingSchema.safeParse({ billing: 'unpublished' }).success);
    assert.ok(PricingSchema.safeParse({ per_image: 0.04 }).success, 'a unit meter is a price');
  });

  test('tiers ascend strictly, in the base prices and in every variant', () => {
    const tiers = (a: number, b: number) => [
      { above_tokens: a, input: 2 },
      { above_tokens: b, input: 3 },
    ];
    assert.ok(PricingSchema.safeParse({ input: 1, tiers: tiers(100, 200) }).success);
    for (const [a, b] of [
      [200, 100],
      [100, 100],
    ] as const) {
      const r = PricingSchema.safeParse({ input: 1, tiers: tiers(a, b) });
      assert.deepEqual(
        r.error?.issues.map((i) => i.path),
        [['tiers', 1, 'above_tokens']],
      );
      assert.equal(PriceVariantSchema.safeParse({ tiers: tiers(a, b) }).success, false, `variant ${a}, ${b}`);
      assert.deepEqual(
        PricingSchema.safeParse({ input: 1, batch: { tiers: tiers(a, b) } }).error?.issues.map((i) => i.path),
        [['batch', 'tiers', 1, 'above_tokens']],
      );
    }
    assert.equal(PricingSchema.safeParse({ input: 1, tiers: [{ above_tokens: 0.5, input: 1 }] }).success, false, 'whole tokens');
  });

  test('model: limits and dates must be coherent', () => {
    const m = { name: 'M', organization: 'acme', type: 'text-generation' as const };
    assert.equal(ModelSchema.parse(m).status, 'active', 'status defaults to active');
    assert.deepEqual(messages(ModelSchema.safeParse({ ...m, context_window: 1000, max_output_tokens: 2000 })), [
      'max_output_tokens must not exceed context_window',
    ]);
    assert.deepEqual(messages(ModelSchema.safeParse({ ...m, context_window: 1000, max_input_tokens: 1001 })), [
      'max_input_tokens must not exceed context_window',
    ]);
    assert.deepEqual(messages(ModelSchema.safeParse({ ...m, context_window: 128000.5 })), ['Expected a whole number of tokens']);
    assert.deepEqual(messages(ModelSchema.safeParse({ ...m, deprecation_date: '2025-06-01', retirement_date: '2025-01-01' })), [
      'retirement_date must not come before deprecation_date',
    ]);
    assert.equal(ModelSchema.safeParse({ ...m, organization: 'Acme' }).success, false, 'ids are lowercase');
    assert.equal(ModelSchema.safeParse({ ...m, open_weights: 'yes' }).success, false);
  });

  test('provider: enum kinds, duplicate regions, UPPER_SNAKE env names', () => {
    const p = { name: 'P', kind: 'cloud', website: 'https://p.example.com' };
    assert.ok(ProviderSchema.safeParse(p).success);
    assert.equal(ProviderSchema.safeParse({ ...p, kind: 'reseller' }).success, false);
    const dup = ProviderSchema.safeParse({
      ...p,
      regions: [
        { id: 'eu', name: 'EU', country: 'DE' },
        { id: 'eu', name: 'EU 2', country: 'FR' },
      ],
    });
    assert.deepEqual(
      dup.error?.issues.map((i) => [i.path, i.message]),
      [[['regions', 1, 'id'], 'Duplicate region id "eu"']],
    );
    // A region needs its country; residency needs regions, sources and a date; profiles name listed regions.
    assert.equal(ProviderSchema.safeParse({ ...p, regions: [{ id: 'x', name: 'X' }] }).success, false);
    const res = ProviderSchema.safeParse({
      ...p,
      residency: {
        routing: 'selectable',
        profiles: [{ id: 'eu', name: 'EU', geography: 'eu', regions: ['nowhere'] }],
        sources: ['https://p.example.com/regions'],
        last_verified: '2026-12-01',
      },
    });
    assert.deepEqual(
      res.error?.issues.map((i) => [i.path, i.message]),
      [
        [['residency', 'profiles', 0, 'regions', 0], `Region "nowhere" is not listed in this provider's regions`],
        [['residency'], 'A residency record needs the regions (or the single country) where inference runs'],
      ],
    );
    assert.equal(ProviderSchema.safeParse({ ...p, api: { env: ['p_api_key'] } }).success, false);
    assert.equal(ProviderSchema.safeParse({ ...p, platform: { fee: 1.5 } }).success, false);
  });

  test('offering: provider_model_id must be a string; needs a model or a name; limits coherent', () => {
    const o = { provider: 'acme', model: 'acme/atlas-1', provider_model_id: 'atlas-1' };
    assert.ok(OfferingSchema.safeParse(o).success);
    const unquoted = (parsed('provider_model_id: 1.10\n').data as { provider_model_id: unknown }).provider_model_id;
    const num = OfferingSchema.safeParse({ ...o, provider_model_id: unquoted });
    assert.match(messages(num)[0]!, /quote it if it looks like a number/);
    assert.ok(OfferingSchema.safeParse({ provider: 'acme', name: 'Unlinked', provider_model_id: 'x' }).success);
    assert.deepEqual(messages(OfferingSchema.safeParse({ provider: 'acme', provider_model_id: 'x' })), [
      'An offering needs a model reference or, when unlinked, a name',
    ]);
    assert.deepEqual(messages(OfferingSchema.safeParse({ ...o, limits: { context_window: 8, max_output_tokens: 9 } })), [
      'max_output_tokens must not exceed context_window',
    ]);
    assert.equal(OfferingSchema.safeParse({ ...o, features: { streaming: 'Yes' } }).success, false);
    assert.equal(OfferingSchema.safeParse({ ...o, regions: ['EU'] }).success, false);
  });
});

describe('validateFiles (in memory)', () => {
  const file = (rel: string, text: string): DataFile => ({ display: `data/${rel}`, rel, bytes: enc(text) });
  const minimal = () => [
    file('organizations/acme.yaml', 'name: Acme\n'),
    file('models/acme/atlas.yaml', 'name: Atlas\norganization: acme\ncontext_window: 1000\ntype: text-generation\n'),
    file('providers/acme.yaml', 'name: Acme Cloud\nkind: first-party\nwebsite: https://acme.example.com\n'),
    file('offerings/acme/acme/atlas.yaml', 'provider: acme\nmodel: acme/atlas\nprovider_model_id: atlas\npricing:\n  input: 1\n'),
  ];

  test('valid records come back with ids from their paths and schema defaults', () => {
    const { problems, records } = validateFiles(minimal());
    assert.deepEqual(problems, []);
    assert.equal(records!.models[0]!.id, 'acme/atlas');
    assert.equal(records!.offerings[0]!.id, 'acme/acme/atlas');
    assert.equal(records!.offerings[0]!.status, 'active');
    assert.equal(records!.offerings[0]!.pricing!.currency, 'USD');
  });

  test('a record that exists but is invalid is reported once, not again as "unknown" by its referrers', () => {
    const files = minimal();
    files[2] = file('providers/acme.yaml', 'name: Acme Cloud\nkind: reseller\nwebsite: https://acme.example.com\n');
    const { problems, records } = validateFiles(files);
    assert.equal(records, undefined);
    assert.deepEqual(problems.map(formatProblem), [
      'data/providers/acme.yaml:2:7 kind: Invalid option: expected one of "first-party"|"cloud"|"inference"|"gateway"',
    ]);
  });

  test('unknown nested fields get suggestions from their own level, never a sibling level', () => {
    const files = minimal();
    files[3] = file(
      'offerings/acme/acme/atlas.yaml',
      'provider: acme\nmodel: acme/atlas\nprovider_model_id: atlas\npricing:\n  inptu: 1\n  input: 1\nlimits:\n  notes: x\n',
    );
    const lines = validateFiles(files).problems.map(formatProblem);
    assert.deepEqual(lines, [
      'data/offerings/acme/acme/atlas.yaml:5:3 pricing.inptu: Unknown field "inptu"; did you mean "input"?',
      'data/offerings/acme/acme/atlas.yaml:8:3 limits.notes: Unknown field "notes"',
    ]);
  });

  test('identical problems are printed once; report() adds a true summary', () => {
    const files = minimal();
    files[0] = file('organizations/acme.yaml', 'name: Acme\nwebsite: javascript:alert(1)\n');
    const { problems } = validateFiles(files);
    assert.equal(problems.length, 1);
    assert.deepEqual(report(problems), [
      'data/organizations/acme.yaml:2:10 website: Expected an https:// URL',
      '1 problem in 1 file',
    ]);
  });

  test('aliases collide after normalization (case, spaces, underscores)', () => {
    assert.equal(normalizeAlias('Atlas_1  Latest'), 'atlas-1-latest');
    const files = [
      ...minimal(),
      file('models/acme/atlas-2.yaml', 'name: Atlas 2\norganization: acme\naliases: [Atlas Latest]\ntype: text-generation\n'),
      file('models/acme/atlas-3.yaml', 'name: Atlas 3\norganization: acme\naliases: [atlas_latest]\ntype: text-generation\n'),
    ];
    assert.deepEqual(validateFiles(files).problems.map(formatProblem), [
      'data/models/acme/atlas-3.yaml:3:11 aliases[0]: Alias "atlas_latest" already names model "acme/atlas-2"',
    ]);
  });

  test('files starting with _ or . are ignored; README at the top is allowed; nothing else is', () => {
    const files = [
      ...minimal(),
      file('providers/_draft.yaml', 'garbage: ['),
      file('providers/.DS_Store', '\u0000'),
      file('README.md', '# data'),
    ];
    assert.deepEqual(validateFiles(files).problems, []);
    assert.equal(validateFiles([...minimal(), file('LICENSE', 'x')]).problems.length, 1);
  });
});
