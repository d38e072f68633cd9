/**
 * The data policies (src/model/policies.ts, text-policy.ts, limits.ts) on in-memory data folders:
 * base/ plus one changed file, each problem asserted as the exact `file:line:col field: message`.
 * The cases too big for a fixture file (a file over the cap, 501 samples, 100,000 levels of
 * nesting) are built here; the others are fixtures under tests/fixtures/invalid/.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LIST_CAPS, MAX_FILE_BYTES, MAX_NESTING, PLAUSIBLE } from '../../../src/model/limits.ts';
import { recordPolicyProblems } from '../../../src/model/policies.ts';
import { findBadChar } from '../../../src/model/text-policy.ts';
import { formatProblem, validateFiles, type DataFile } from '../../../src/model/validate.ts';
import { nestingBeyond } from '../../../src/model/yaml-source.ts';

const BASE = join(import.meta.dirname, '..', '..', 'fixtures', 'base');
const enc = (s: string) => new TextEncoder().encode(s);

const baseFiles = (): DataFile[] =>
  readdirSync(BASE, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const rel = relative(BASE, join(e.parentPath, e.name)).split(sep).join('/');
      return { rel, display: `data/${rel}`, bytes: readFileSync(join(BASE, rel)) };
    });
const baseText = (rel: string) => readFileSync(join(BASE, rel), 'utf8');

/** Problems of base/ with `rel` replaced by `text`, as printed lines. */
const problemsWith = (rel: string, text: string | Uint8Array, today = '2026-12-02') => {
  const files = baseFiles().map((f) => (f.rel === rel ? { ...f, bytes: typeof text === 'string' ? enc(text) : text } : f));
  return validateFiles(files, { today }).problems.map(formatProblem);
};

describe('caps', () => {
  test('a file over the byte cap is refused before it is parsed', () => {
    const rel = 'organizations/globex.yaml';
    const text = baseText(rel) + `notes: ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    assert.deepEqual(problemsWith(rel, text), [
      `data/${rel}:1:1 (file): File is ${text.length.toLocaleString('en-US')} bytes, more than the cap of 262,144 bytes (256 KiB) per record`,
    ]);
  });

  test('performance samples per offering are capped, at the first sample over the cap', () => {
    const rel = 'offerings/acme/acme/atlas-2.yaml';
    const cap = LIST_CAPS.performance!.cap;
    const sample =
      '  - region: us-east\n    ttft_ms: { p50: 420 }\n    output_tokens_per_second: { p50: 85 }\n    measured_at: 2025-06-01\n    method: probe v1\n';
    const before = baseText(rel).replace(/performance:\n(?: {2}.*\n)*/, '');
    const text = `${before}performance:\n${sample.repeat(cap + 1)}`;
    const line = before.split('\n').length + 1 + cap * 5;
    assert.deepEqual(problemsWith(rel, text), [
      `data/${rel}:${line}:5 performance: 501 entries, more than the cap of 500 performance samples per offering; move the oldest out`,
    ]);
    assert.deepEqual(problemsWith(rel, `${before}performance:\n${sample.repeat(cap)}`), [], 'exactly the cap is fine');
  });

  test('any other list has the default cap of 100', () => {
    const rel = 'providers/relay.yaml';
    const text = `${baseText(rel)}compliance: [${Array(101).fill('c5').join(', ')}]\n`;
    const problems = problemsWith(rel, text);
    assert.ok(
      problems.includes(`data/${rel}:11:414 compliance: 101 entries, more than the cap of 100 entries per list`),
      problems.join('\n'),
    );
  });
});

describe('nesting', () => {
  const rel = 'organizations/globex.yaml';

  test('100,000 levels of brackets or dashes: a clear message, no stack overflow, quickly', () => {
    for (const deep of [`notes: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, `notes:\n  ${'- '.repeat(100_000)}x\n`]) {
      const started = performance.now();
      const problems = problemsWith(rel, baseText(rel) + deep);
      assert.ok(performance.now() - started < 2000, 'under 2 s');
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(
        problems[0]!,
        /^data\/organizations\/globex\.yaml:\d+:\d+ \(file\): Nesting reaches 17 levels here, more than the cap of 16 levels \(the record's own mapping is level 1\)$/,
      );
    }
  });

  test('a mapping nested too deep is reported at its first key, on the parsed document as on the tokens', () => {
    const text = Array.from({ length: 18 }, (_, i) => `${'  '.repeat(i)}k${i + 1}:`).join('\n') + ' x\n';
    assert.deepEqual(problemsWith('organizations/acme.yaml', text), [
      "data/organizations/acme.yaml:17:33 (file): Nesting reaches 17 levels here, more than the cap of 16 levels (the record's own mapping is level 1)",
    ]);
    assert.deepEqual(nestingBeyond(text, MAX_NESTING), { offset: text.indexOf('k17'), depth: 17 });
  });

  test('block nesting is counted like the parsed document: a mapping, a sequence, a mapping…', () => {
    const levels = (text: string) => {
      for (let m = 0; m < 64; m++) if (!nestingBeyond(text, m)) return m;
      return Infinity;
    };
    assert.equal(levels('a: 1\n'), 1);
    assert.equal(levels('a:\n  b:\n    c: x\n'), 3);
    assert.equal(levels('a:\n- b:\n  - c:\n    - d\n'), 6);
    assert.equal(levels('a:\n- x\n- y\nb: 1\n'), 2);
    assert.equal(levels('a: [[x]]\nb: {c: {d: 1}}\n'), 3);
    assert.equal(levels('a: |\n  - - - [[[\nb: "[[[["\n'), 1, 'brackets and dashes inside text do not count');
    // The cap itself is fine; one more level is not.
    const at = (n: number) => `a: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    assert.equal(nestingBeyond(at(MAX_NESTING), MAX_NESTING), undefined);
    assert.deepEqual(nestingBeyond(at(MAX_NESTING + 1), MAX_NESTING), { offset: 3 + MAX_NESTING - 1, depth: MAX_NESTING + 1 });
  });
});

describe('text characters', () => {
  const refused = (s: string, field = 'name') => findBadChar(s, field)?.label;

  test('controls, bidi controls and invisible characters are refused, named by code point', () => {
    assert.equal(refused('a\u0000b'), 'U+0000 NULL');
    assert.equal(refused('a\u001bb'), 'U+001B ESCAPE');
    assert.equal(refused('a\u007fb'), 'U+007F DELETE');
    assert.equal(refused('a\u009bb'), 'U+009B CONTROL SEQUENCE INTRODUCER');
    assert.equal(refused('abc\u202edcba'), 'U+202E RIGHT-TO-LEFT OVERRIDE');
    assert.equal(refused('x\u2066y\u2069'), 'U+2066 LEFT-TO-RIGHT ISOLATE');
    assert.equal(refused('pay\u200bpal'), 'U+200B ZERO WIDTH SPACE');
    assert.equal(refused('a\u2060b'), 'U+2060 WORD JOINER');
    assert.equal(refused('a\ufeffb'), 'U+FEFF ZERO WIDTH NO-BREAK SPACE');
    assert.equal(refused('a\u00adb'), 'U+00AD SOFT HYPHEN');
    assert.equal(refused('\u3164'), 'U+3164 HANGUL FILLER');
    assert.equal(refused('ok\u{e0041}\u{e0042}'), 'U+E0041 TAG CHARACTER', 'ASCII smuggled in tag characters');
    assert.equal(refused('a\ud800b'), 'U+D800 LONE SURROGATE');
    assert.equal(findBadChar('a\u202eb\u202ec', 'name')?.count, 2);
  });

  test('line feeds and tabs only in notes and descriptions', () => {
    assert.equal(refused('one\ntwo', 'notes'), undefined);
    assert.equal(refused('one\n\ttwo', 'description'), undefined);
    assert.equal(refused('one\ntwo', 'name'), 'U+000A LINE FEED');
    assert.equal(refused('one\r\ntwo', 'notes'), 'U+000D CARRIAGE RETURN');
  });

  test('what real names need is accepted', () => {
    for (const ok of [
      'Qwen3 通义千问',
      'Модель',
      'نموذج',
      'می\u200cخواهم', // Persian: ZWNJ between Arabic-script letters
      'क्\u200dष', // Devanagari: ZWJ after a virama
      'क्\u200cष', // Devanagari: ZWNJ after a virama
      '👨\u200d💻', // emoji ZWJ sequence
      '👩🏽\u200d🔬', // with a skin tone
      '❤️\u200d🔥', // after VS16
      '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', // flag of Scotland (tag sequence)
      'Ünïcödé — “quotes” ✓',
      'a\u200fb', // RLM: a bidi mark, not an override
    ])
      assert.equal(refused(ok), undefined, JSON.stringify(ok));
    assert.equal(refused('gx\u200dmini'), 'U+200D ZERO WIDTH JOINER');
    assert.equal(refused('gx\u200cmini'), 'U+200C ZERO WIDTH NON-JOINER');
    assert.equal(refused('\u200d👨'), 'U+200D ZERO WIDTH JOINER');
    assert.equal(refused('🏴\u{e0067}\u{e0062}'), 'U+E0067 TAG CHARACTER', 'a tag sequence without CANCEL TAG');
  });
});

describe('dates and bounds', () => {
  test('a sample measured on the day of the run is fine even after the data date; tomorrow is not', () => {
    const rel = 'offerings/acme/acme/atlas-2.yaml';
    const text = baseText(rel).replace('measured_at: 2025-06-01', 'measured_at: 2026-12-02');
    assert.deepEqual(problemsWith(rel, text, '2026-12-02'), []);
    assert.deepEqual(problemsWith(rel, text, '2026-12-01'), [
      `data/${rel}:47:18 performance[0].measured_at: 2026-12-02 is in the future: a sample cannot be dated after the data's date (2025-06-01, the newest last_verified) nor after today`,
    ]);
  });

  test('every price meter and speed has a bound, and a price in another currency is converted', () => {
    const rel = 'offerings/relay/globex/gx-mini.yaml'; // EUR, usd_rate 1.08
    const text = baseText(rel).replace(
      '  output: 0.2\n',
      `  output: 0.2\n  per_image: ${PLAUSIBLE.per_image}\n  per_search: 1.5\n`,
    );
    assert.deepEqual(problemsWith(rel, text), [
      `data/${rel}:11:14 pricing.per_image: 10 EUR (10.8 USD) is above the plausibility bound of 10 USD per image; correct it, or add plausibility_override: [{ field: pricing.per_image, reason: … }]`,
      `data/${rel}:12:15 pricing.per_search: 1.5 EUR (1.62 USD) is above the plausibility bound of 1 USD per search; correct it, or add plausibility_override: [{ field: pricing.per_search, reason: … }]`,
    ]);
    const overridden = `${text}plausibility_override:\n  - { field: pricing.per_image, reason: Studio-grade renders at 8K. }\n  - { field: pricing.per_search, reason: Each search is a deep research run. }\n`;
    assert.deepEqual(problemsWith(rel, overridden), []);
    const noReason = `${text}plausibility_override:\n  - { field: pricing.per_image, reason: because }\n  - { field: pricing.per_search, reason: Each search is a deep research run. }\n`;
    assert.deepEqual(problemsWith(rel, noReason), [
      `data/${rel}:14:41 plausibility_override[0].reason: Say why the value is right, in a sentence (10 characters at least)`,
    ]);
  });
});

describe('importers', () => {
  test('recordPolicyProblems: what an importer must not write, as field: message', () => {
    const offering = {
      provider: 'relay',
      name: 'Evil\u202eModel',
      provider_model_id: 'x',
      pricing: { input: 5000, output: 1 },
      sources: Array(51).fill('https://relay.example.net/'),
    };
    assert.deepEqual(recordPolicyProblems('offerings', offering), [
      'name: U+202E RIGHT-TO-LEFT OVERRIDE is not allowed in text: bidi embedding, override and isolate characters change the order text is shown in',
      'sources: 51 entries, more than the cap of 50 sources',
      'pricing.input: 5,000 is above the plausibility bound of 2,000 USD per 1M tokens; correct it, or add plausibility_override: [{ field: pricing.input, reason: … }]',
    ]);
    assert.deepEqual(recordPolicyProblems('models', { name: 'Fine', aliases: ['ok'] }), []);
  });
});
