/** Instant search: keys, match tiers, typo measure, ranking rules, facts line (src/core/name-search.ts). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  distinctKeys,
  editDistance,
  hitCount,
  hitFacts,
  matchTier,
  nameSearcher,
  readNameIndex,
  spaced,
  spanTier,
  squash,
  typos,
  type NameIndexWire,
} from '../../../src/core/name-search.ts';

const WIRE: NameIndexWire = {
  p: [
    ['anthropic', 'Anthropic', 12],
    ['groq', 'Groq', 20],
    ['amazon-bedrock', 'Amazon Bedrock', 80],
    ['google-vertex', 'Vertex', 60],
  ],
  o: [
    ['anthropic', 'Anthropic', 14],
    ['meta', 'Meta', 30],
    ['openai', 'OpenAI', 40],
  ],
  f: [
    ['llama-3.3', 'Llama 3.3', 3],
    ['claude-4.5', 'Claude 4.5', 3],
  ],
  m: [
    ['meta/llama-3.3-70b', 'Llama 3.3 70B Instruct', 30, 'llama-3.3-70b', 'llama-3.3-70b-versatile'],
    ['meta/llama-3.3-8b', 'Llama-3.3-8B-Instruct', 2],
    ['someone/llama-3.3-70b-tune', 'Llama 3.3 70B Tune', 1],
    ['meta/llama-3.2-3b', 'Llama 3.2 3B Instruct', 12],
    ['anthropic/claude-sonnet-4.5', 'Claude Sonnet 4.5', 9, 'claude-sonnet-4-5-20250929'],
    ['anthropic/claude-sonnet-4', 'Claude Sonnet 4', 7],
    ['openai/gpt-4o', 'GPT-4o', 15],
    ['openai/gpt-4o-mini', 'GPT-4o mini', 14],
    ['deepseek/deepseek-reasoner', 'DeepSeek Reasoner', 25],
  ],
};
const search = nameSearcher(readNameIndex(WIRE));
const top = (q: string, n = 3) => search(q, n).hits.map((h) => `${h.entry.kind}:${h.entry.id}`);

describe('keys', () => {
  test('squash and spaced forms ignore case and punctuation; dots stay between digits', () => {
    assert.equal(squash('GPT-4o (2024-08-06)'), 'gpt4o20240806');
    assert.equal(spaced('meta-llama/Llama-3.3-70B-Instruct'), 'meta llama llama 3.3 70b instruct');
    assert.equal(spaced('meta.llama3-3-70b-instruct-v1:0'), 'meta llama3 3 70b instruct v1 0');
  });
  test('distinctKeys drops keys equal to the name, the id or one another once squashed', () => {
    assert.deepEqual(distinctKeys('GPT-4o', 'openai/gpt-4o', ['gpt-4o', 'GPT4O', 'gpt-4o-2024-08-06', 'gpt_4o_2024_08_06', '']), [
      'gpt-4o-2024-08-06',
    ]);
    assert.deepEqual(distinctKeys('Llama 3.3 70B Instruct', 'meta/llama-3.3-70b', ['llama-3.3-70b', 'llama-3.3-70b-instruct']), [
      'llama-3.3-70b',
    ]);
  });
  test('readNameIndex: links per kind, the model creator from its id', () => {
    const e = readNameIndex(WIRE);
    const by = (id: string, kind: string) => e.find((x) => x.id === id && x.kind === kind)!;
    assert.equal(by('groq', 'provider').href, '/providers/groq/');
    assert.equal(by('meta', 'organization').href, '/organizations/meta/');
    assert.equal(by('llama-3.3', 'family').href, '/families/llama-3.3/');
    const m = by('meta/llama-3.3-70b', 'model');
    assert.equal(m.href, '/models/meta/llama-3.3-70b/');
    assert.equal(m.creator, 'Meta');
    assert.deepEqual(m.keys, ['Llama 3.3 70B Instruct', 'meta/llama-3.3-70b', 'llama-3.3-70b', 'llama-3.3-70b-versatile']);
  });
});

describe('match measures', () => {
  test('matchTier: equal › prefix › every word starts a word › other', () => {
    assert.equal(matchTier('gpt4o', 'GPT-4o'), 0);
    assert.equal(matchTier('llama 3.3', 'Llama 3.3 70B Instruct'), 1);
    assert.equal(matchTier('bedrock', 'Amazon Bedrock'), 2);
    assert.equal(matchTier('sonnet 4.5', 'Claude Sonnet 4.5'), 2);
    assert.equal(matchTier('4.5 sonnet', 'Claude Sonnet 4.5'), 3, 'words in order');
    assert.equal(matchTier('antropic', 'Anthropic'), 3);
    assert.equal(matchTier('  ', 'Anthropic'), 3);
  });
  test('editDistance counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('antropic', 'anthropic'), 1);
    assert.equal(editDistance('antrhopic', 'anthropic'), 1);
    assert.equal(editDistance('gemni', 'gemini'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'ab'), 2);
  });
  test('typos: edits per term plus one for a term that starts inside a word', () => {
    assert.equal(typos(['lama', '3.3'], 'llama 3.3 70b', [1, 5, 6, 9]), 1);
    assert.equal(typos(['claude', 'sonet'], 'claude sonnet 4', [0, 6, 7, 13]), 1);
    assert.equal(typos(['sone'], 'deepseek reasoner', [12, 16]), 1);
    assert.equal(typos(['sonr'], 'deepseek reasoner', [12, 17]), 2);
    assert.equal(typos(['a', 'b'], 'ab', [0, 2]), 2, 'ranges that do not pair with terms count as two');
  });
  test('spanTier reads the whole words a fuzzy match touches', () => {
    assert.equal(spanTier('llama 3.3 70b', 1, 9), 1);
    assert.equal(spanTier('anthropic', 0, 8), 0);
    assert.equal(spanTier('amazon bedrock', 7, 13), 2);
  });
});

describe('ranking rules', () => {
  test('typos find the name: "antropic", "deepsek"-like, "lama 3.3"', () => {
    assert.deepEqual(top('antropic', 2).sort(), ['organization:anthropic', 'provider:anthropic']);
    assert.equal(top('lama 3.3')[0], 'family:llama-3.3');
    assert.equal(top('lama 3.3')[1], 'model:meta/llama-3.3-70b', 'the most served model before the 8B and a tune');
  });
  test('a match as typed beats any typo-tolerant one', () => {
    // "llama 3.2 3B" needs one substitution for "lama 3.3", and starts in the same word as the exact ones.
    const r = top('llama 3.3', 10);
    assert.ok(
      !r.includes('model:meta/llama-3.2-3b') ||
        r.indexOf('model:meta/llama-3.2-3b') > r.indexOf('model:someone/llama-3.3-70b-tune'),
    );
  });
  test('a term found inside a word ranks after one found at a word start', () => {
    assert.equal(top('sonet', 1)[0]?.startsWith('model:anthropic/claude-sonnet'), true);
  });
  test('exact name first; within a tier the more used entry first', () => {
    assert.deepEqual(top('gpt4o', 2), ['model:openai/gpt-4o', 'model:openai/gpt-4o-mini']);
    assert.equal(top('gtp4o', 1)[0], 'model:openai/gpt-4o', 'a typo in words run together');
    assert.deepEqual(top('claude sonnet', 2), ['model:anthropic/claude-sonnet-4.5', 'model:anthropic/claude-sonnet-4']);
  });
  test('ids and aliases find their entry, and say which matched', () => {
    const h = search('llama-3.3-70b-versatile', 1).hits[0]!;
    assert.equal(h.entry.id, 'meta/llama-3.3-70b');
    assert.equal(h.byName, false);
    assert.equal(h.key, 'llama-3.3-70b-versatile');
    assert.equal(top('claude-sonnet-4-5-20250929', 1)[0], 'model:anthropic/claude-sonnet-4.5');
    assert.equal(top('bedrock', 1)[0], 'provider:amazon-bedrock');
    assert.equal(top('vertex', 1)[0], 'provider:google-vertex');
  });
  test('an entry matched by its name and its id shows as matched by name', () => {
    const h = search('groq', 1).hits[0]!;
    assert.equal(h.byName, true);
    assert.equal(hitFacts(h), 'Provider · 20 models');
  });
  test('an empty query finds nothing; total counts every match', () => {
    assert.deepEqual(search('  ', 5), { hits: [], total: 0 });
    assert.ok(search('llama', 2).total >= 5);
    assert.equal(search('llama', 2).hits.length, 2);
  });
});

describe('what a result shows', () => {
  const hit = (q: string) => search(q, 1).hits[0]!;
  test('facts: kind, creator, providers or models, and the id that matched', () => {
    assert.equal(hitFacts(hit('llama 3.3 70b instruct')), 'Model · Meta · 30 providers');
    assert.equal(hitFacts(hit('llama-3.3-70b-versatile')), 'Model · Meta · 30 providers · llama-3.3-70b-versatile');
    assert.equal(hitFacts(hit('groq')), 'Provider · 20 models');
    assert.equal(hitFacts(hit('meta')), 'Creator · 30 models');
  });
  test('count', () => {
    assert.equal(hitCount(0, 0), 'No match');
    assert.equal(hitCount(1, 1), '1 match');
    assert.equal(hitCount(12, 8), '12 matches, 8 shown');
  });
});
