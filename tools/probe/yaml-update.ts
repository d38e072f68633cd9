/**
 * Plans the edit of an offering file: the new samples appended to its `performance` list
 * (created at the end when missing). Every other byte of the file is kept: the yaml
 * Document API locates the list and renders the new items, which are spliced into the
 * original text; the result is parsed back and checked. A flow-style list (rare) is
 * re-rendered by the Document API instead, comments kept.
 * Pure: text in, text out; tools/probe.ts writes it and validates the result.
 */
import { Document, isMap, isSeq, parse, parseDocument } from 'yaml';
import type { PerformanceSample } from '../../src/model/schema.ts';

export type YamlPlan = { ok: true; text: string } | { ok: false; message: string };

const OPTS = { version: '1.2', schema: 'core' } as const;
/** lineWidth 0: never fold long strings. */
const render = (value: unknown) => new Document(value, OPTS).toString({ lineWidth: 0 });

const indentLines = (text: string, indent: number) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => ' '.repeat(indent) + l)
    .join('\n') + '\n';

const splice = (text: string, samples: readonly PerformanceSample[]): string | undefined => {
  const doc = parseDocument(text, OPTS);
  const seq = doc.get('performance', true);
  const items = render([...samples]);
  // A new list goes at the end, items indented under the key as in the rest of data/.
  if (seq === undefined || seq === null)
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}performance:\n${indentLines(items, 2)}`;
  if (!isSeq(seq) || seq.flow || !seq.range || seq.items.length === 0) return undefined;
  const start = seq.range[0];
  const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
  if (!last.range) return undefined;
  // A block item's range may already end past its newline.
  const end = last.range[1];
  const eol = text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  const at = eol < 0 ? text.length : eol + 1;
  const head = text.slice(0, at) + (eol < 0 ? '\n' : '');
  return head + indentLines(items, indent) + text.slice(at);
};

export const appendSamples = (text: string, samples: readonly PerformanceSample[]): YamlPlan => {
  const doc = parseDocument(text, OPTS);
  if (doc.errors.length) return { ok: false, message: `The file is not valid YAML: ${doc.errors[0]!.message}` };
  if (!isMap(doc.contents)) return { ok: false, message: 'The file is not a YAML mapping' };
  const existing = doc.get('performance', true);
  if (existing !== undefined && existing !== null && !isSeq(existing))
    return { ok: false, message: '`performance` is not a list' };
  const before = doc.toJS() as Record<string, unknown>;
  const expected = { ...before, performance: [...((before.performance as unknown[] | null | undefined) ?? []), ...samples] };
  const spliced = splice(text, samples);
  if (spliced !== undefined && JSON.stringify(parse(spliced, OPTS)) === JSON.stringify(expected))
    return { ok: true, text: spliced };
  // Fallback: edit the document and re-render it (comments and key order kept).
  if (isSeq(existing)) for (const s of samples) existing.add(doc.createNode(s));
  else doc.set('performance', doc.createNode([...samples]));
  return { ok: true, text: doc.toString({ lineWidth: 0 }) };
};
