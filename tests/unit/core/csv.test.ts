import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv } from '../../../src/core/csv.ts';

test('plain fields stay as they are', () => assert.equal(csvField('gpt-4o'), 'gpt-4o'));
test('commas, quotes and line breaks are quoted, quotes doubled', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('a\nb'), '"a\nb"');
});
test('formula starts are neutralised with a single quote', () => {
  for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
    assert.equal(csvField(s)[0] === '"' ? csvField(s)[1] : csvField(s)[0], "'");
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
});
test('rows end with CRLF', () =>
  assert.equal(
    toCsv([
      ['a', 'b'],
      ['1', '2'],
    ]),
    'a,b\r\n1,2\r\n',
  ));
