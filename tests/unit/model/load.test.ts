/** Loading once per build: tools/build.ts holds its validated records and the site takes them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdRecords, loadData, siteRecords } from '../../../src/model/load.ts';

const BASE = join(import.meta.dirname, '..', '..', 'fixtures', 'base');

test('the site takes the records held for its data folder instead of reading it again', () => {
  const { problems, records } = loadData(BASE);
  assert.deepEqual(problems, []);
  holdRecords(BASE, records!);
  assert.equal(siteRecords(BASE), records, 'the very records the build validated');
  assert.equal(siteRecords(`${BASE}/`), records, 'the same folder written differently');
});

test('another folder is read and validated, and invalid data throws listing every problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-load-'));
  try {
    cpSync(BASE, dir, { recursive: true });
    const fresh = siteRecords(dir);
    assert.deepEqual(fresh, loadData(dir).records);
    writeFileSync(join(dir, 'providers', 'bad.yaml'), 'name: Bad\nkind: reseller\nwebsite: http://x.example\n');
    const expected = loadData(dir).problems;
    assert.ok(expected.length >= 2);
    assert.throws(
      () => siteRecords(dir),
      (e: Error) => expected.every((p) => e.message.includes(`${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
