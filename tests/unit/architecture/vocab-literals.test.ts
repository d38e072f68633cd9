/**
 * One vocabulary: no list of enum values is written out anywhere in src/ but src/core/vocab.ts.
 * A list is an array literal whose string elements (or, for a list of tuples, the tuples' first
 * strings) are two or more values of one vocabulary and nothing else, e.g. `['input', 'output']`
 * or `[['text', 'Text'], ['image', 'Image']]`. Such a list is a copy of (part of) an enum that
 * drifts when the schema changes; import the array from vocab.ts instead. Likewise a label table:
 * an object literal whose keys are two or more values of one vocabulary and whose values are all
 * strings (`{ free: 'Free', usage: 'Not published' }`); the labels live in vocab.ts too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { VOCABULARIES } from '../../../src/core/vocab.ts';
import { scriptsOf, sourceFiles } from './scan.ts';

const VOCAB_FILE = 'src/core/vocab.ts';
const vocabularies = Object.entries(VOCABULARIES).map(([name, values]) => ({ name, values: new Set<string>(values) }));

/**
 * The vocabulary whose values a list of strings copies, if any: two or more values of one
 * vocabulary and no other string but '' (a blank label, as in `['', 'preview', 'retired']`).
 */
const copiedVocabulary = (all: string[]): string | undefined => {
  const strings = all.filter((s) => s !== '');
  return strings.length >= 2 ? vocabularies.find((v) => strings.every((s) => v.values.has(s)))?.name : undefined;
};

const literal = (n: ts.Node | undefined): string | undefined =>
  n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;

/** Copies of vocabulary lists in one piece of TypeScript, as "line: ['a', 'b'] (VOCAB)". */
export const findCopies = (code: string, jsx = false): string[] => {
  // .ts files parse as TS (`<T>(x: T) =>` is a generic, not JSX); .astro pieces as TSX.
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isArrayLiteralExpression(n)) {
      const strings = n.elements.map(literal).filter((s): s is string => s !== undefined);
      const heads = n.elements
        .map((e) => (ts.isArrayLiteralExpression(e) ? literal(e.elements[0]) : undefined))
        .filter((s): s is string => s !== undefined);
      for (const list of [strings, heads]) {
        const vocab = copiedVocabulary(list);
        if (vocab)
          found.push(
            `${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: [${list.map((s) => `'${s}'`).join(', ')}] (${vocab})`,
          );
      }
    }
    if (ts.isObjectLiteralExpression(n) && n.properties.length >= 2) {
      const keys = n.properties.map((p) =>
        ts.isPropertyAssignment(p) &&
        literal(p.initializer) !== undefined &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
          ? p.name.text
          : undefined,
      );
      const vocab = keys.every((k) => k !== undefined) ? copiedVocabulary(keys as string[]) : undefined;
      if (vocab)
        found.push(`${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: label table {${keys.join(', ')}} (${vocab})`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
};

test('the scanner finds a copied list and a list of tuples, and ignores mixed lists', () => {
  const [meters, modalities, mixed] = [
    [...VOCABULARIES.METERS].slice(0, 3),
    [...VOCABULARIES.MODALITIES].slice(0, 2),
    [VOCABULARIES.METERS[0], 'cost'],
  ];
  const q = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
  assert.equal(findCopies(`const a = [${q(meters)}] as const;`).length, 1);
  assert.equal(findCopies(`const t = [${modalities.map((m) => `[${q([m])}, 'Label']`).join(', ')}];`).length, 1);
  assert.deepEqual(findCopies(`const k = [${q(mixed)}]; const one = [${q(meters.slice(0, 1))}];`), []);
  assert.equal(findCopies(`const l = { ${meters.map((m) => `${m}: 'x'`).join(', ')} };`).length, 1);
  assert.deepEqual(
    findCopies(
      `const k = { ${mixed.map((m) => `${m}: 'x'`).join(', ')} }; const v = { ${meters.map((m) => `${m}: 1`).join(', ')} };`,
    ),
    [],
  );
});

test('no list of vocabulary values outside src/core/vocab.ts', () => {
  const copies = sourceFiles()
    .filter((f) => f !== VOCAB_FILE)
    .flatMap((f) =>
      scriptsOf(f, readFileSync(f, 'utf8')).flatMap(({ code, line }) =>
        findCopies(code, f.endsWith('.astro')).map((c) => `${f}:${line + Number(c.split(':')[0]) - 1}${c.slice(c.indexOf(':'))}`),
      ),
    );
  assert.deepEqual(copies, [], `import these lists from ${VOCAB_FILE}:\n${copies.join('\n')}`);
});
