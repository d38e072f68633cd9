/**
 * Fuzz test of the validator (fast-check): valid records from tests/fixtures/base/ are mutated —
 * scalars changed, characters and bytes inserted, keys duplicated, nesting deepened, aliases
 * multiplied, files truncated — and the whole folder validated. Whatever the input, the validator
 * never throws, takes under 2 s, names a file in every problem and gives every problem a line and
 * column inside that file.
 *
 * A bounded number of cases runs in `npm test` (FUZZ_RUNS, default 150); the seed is printed, and
 * FUZZ_SEED=<seed> replays a run: `FUZZ_SEED=123 node --test tests/unit/model/validate-fuzz.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { validateFiles, type DataFile } from '../../../src/model/validate.ts';

const BASE = join(import.meta.dirname, '..', '..', 'fixtures', 'base');
const FILES: DataFile[] = readdirSync(BASE, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => {
    const rel = relative(BASE, join(e.parentPath, e.name)).split(sep).join('/');
    return { rel, display: `data/${rel}`, bytes: readFileSync(join(BASE, rel)) };
  })
  .sort((a, b) => (a.rel < b.rel ? -1 : 1));

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Per record: validating base/ with one mutated record must take less than this. */
const BUDGET_MS = 2000;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

/** Replacement scalars, from plausible typos to hostile values. */
const SCALARS = [
  '',
  '~',
  'null',
  '-1',
  '0',
  '1e309',
  '.nan',
  '-.inf',
  '1e9',
  '2031-01-01',
  '2025-02-30',
  '"2999-12-31"',
  'yes',
  'NO',
  '1.10',
  '"\\u202Eevil"',
  '"a\\u200Bb"',
  '"\\x07"',
  '"\\u0000"',
  '[',
  '{',
  '}',
  '!!binary aGk=',
  '!!set {a, b}',
  '!custom x',
  '*missing',
  '&a [1, 2]',
  'https://',
  'javascript:alert(1)',
  "'it''s'",
  '|',
  '>-',
  '- a',
  ': :',
  '"unterminated',
];

type Mutation =
  | { kind: 'scalar'; line: number; value: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'duplicate'; line: number }
  | { kind: 'nest'; line: number; depth: number; block: boolean }
  | { kind: 'aliases'; levels: number; width: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('scalar' as const),
    line: fc.nat(),
    value: fc.oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
      fc.constantFrom('\u202e', '\u200b', '\u2066', '\ufeff', '\u0000', '\t', '\r', '\n', ':', '- ', '#', '"', "'", '&x', '*x'),
    ),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({
    kind: fc.constant('nest' as const),
    line: fc.nat(),
    depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20_000 })),
    block: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('aliases' as const),
    levels: fc.integer({ min: 1, max: 9 }),
    width: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

const apply = (bytes: Uint8Array, m: Mutation): Uint8Array => {
  const text = dec.decode(bytes);
  const lines = text.split('\n');
  const pick = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'scalar': {
      const i = pick(m.line);
      lines[i] = lines[i]!.replace(
        /^(\s*(?:- )?[^:#]*:)\s.*$|^(\s*- ).*$/,
        (_all, key: string | undefined, dash: string | undefined) =>
          key !== undefined ? `${key} ${m.value}` : `${dash}${m.value}`,
      );
      return enc.encode(lines.join('\n'));
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return enc.encode(text.slice(0, at) + m.text + text.slice(at));
    }
    case 'bytes': {
      const at = m.at % (bytes.length + 1);
      return new Uint8Array([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    }
    case 'duplicate': {
      const i = pick(m.line);
      lines.splice(i + 1, 0, lines[i]!);
      return enc.encode(lines.join('\n'));
    }
    case 'nest': {
      const i = pick(m.line);
      const deep = m.block ? `\n${' '.repeat(2)}${'- '.repeat(m.depth)}x` : `${'['.repeat(m.depth)}x${']'.repeat(m.depth)}`;
      lines[i] = lines[i]!.replace(/^(\s*[^:#\s][^:#]*:)(\s.*)?$/, (_all, key: string) => `${key} ${deep}`);
      return enc.encode(lines.join('\n'));
    }
    case 'aliases': {
      const out = [`a0: &a0 [${Array(m.width).fill('x').join(', ')}]`];
      for (let l = 1; l <= m.levels; l++)
        out.push(
          `a${l}: &a${l} [${Array(m.width)
            .fill(`*a${l - 1}`)
            .join(', ')}]`,
        );
      return enc.encode(`${text.trimEnd()}\n${out.join('\n')}\n`);
    }
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
  }
};

test(`fuzz: mutated records never break the validator (seed ${SEED}, ${RUNS} runs)`, (t) => {
  t.diagnostic(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED}`);
  console.log(`validate-fuzz: seed ${SEED} (replay: FUZZ_SEED=${SEED} node --test tests/unit/model/validate-fuzz.test.ts)`);
  const yaml = FILES.filter((f) => f.rel.endsWith('.yaml'));
  const displays = new Set([...FILES.map((f) => f.display), 'data/']);
  let slowest = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.nat({ max: yaml.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
      const target = yaml[which]!;
      const bytes = mutations.reduce(apply, target.bytes);
      const files = FILES.map((f) => (f === target ? { ...f, bytes } : f));
      const started = performance.now();
      const { problems } = validateFiles(files, { today: '2026-12-02' });
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      if (problems.length) refused++;
      assert.ok(ms < BUDGET_MS, `took ${Math.round(ms)} ms`);
      const lineCount = new Map(files.map((f) => [f.display, dec.decode(f.bytes).split('\n').length]));
      for (const p of problems) {
        assert.ok(displays.has(p.file), `problem names no file of the folder: ${JSON.stringify(p)}`);
        assert.ok(Number.isInteger(p.line) && p.line >= 1, `line: ${JSON.stringify(p)}`);
        assert.ok(Number.isInteger(p.column) && p.column >= 1, `column: ${JSON.stringify(p)}`);
        assert.ok(p.line <= (lineCount.get(p.file) ?? 1), `line beyond the end of the file: ${JSON.stringify(p)}`);
        assert.ok(p.field.length > 0 && p.message.length > 0, `field and message: ${JSON.stringify(p)}`);
        assert.doesNotMatch(p.message, /call stack|undefined is not|Cannot read properties/, JSON.stringify(p));
      }
      // A change the validator accepts must still be a record it can read back.
      if (problems.length === 0) assert.ok(bytes.length > 0);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
  );
  t.diagnostic(`slowest case: ${Math.round(slowest)} ms; ${refused} of ${RUNS} mutated folders refused`);
});
