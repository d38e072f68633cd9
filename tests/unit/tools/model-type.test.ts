/** deriveModelType: names and ids first, then modalities, else text generation; every decision names its rule. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODEL_TYPES } from '../../../src/core/vocab.ts';
import { deriveModelType, TYPE_NAME_RULES } from '../../../tools/import/model-type.ts';

const text = { input: ['text'], output: ['text'] } as const;

describe('deriveModelType', () => {
  test('names that say what the model is win over text → text modalities', () => {
    const cases: [string, string][] = [
      ['openai/whisper-large-v3', 'speech-to-text'],
      ['openai/gpt-4o-mini-transcribe', 'speech-to-text'],
      ['cohere/rerank-v3.5', 'rerank'],
      ['qwen/qwen3-reranker-4b', 'rerank'],
      ['openai/text-embedding-3-small', 'embedding'],
      ['baai/bge-m3', 'embedding'],
      ['voyage/voyage-3.5', 'embedding'],
      ['mistral/mistral-embed', 'embedding'],
      ['openai/omni-moderation-latest', 'moderation'],
      ['meta/llama-guard-4-12b', 'moderation'],
      ['openai/gpt-oss-safeguard-20b', 'moderation'],
      ['deepseek/deepseek-ocr', 'ocr'],
      ['openai/gpt-realtime-mini', 'realtime'],
      ['openai/tts-1-hd', 'text-to-speech'],
      ['deepgram/aura-2-en', 'text-to-speech'],
      ['openai/sora-2', 'video-generation'],
      ['google/veo-3.1-fast', 'video-generation'],
      ['klingai/kling-v2.6-t2v', 'video-generation'],
      ['google/imagen-4-ultra', 'image-generation'],
      ['black-forest-labs/flux-1-schnell', 'image-generation'],
      ['openai/gpt-5-image-mini', 'image-generation'],
      ['google/lyria-3-pro-preview', 'audio-generation'],
    ];
    for (const [id, want] of cases) {
      const got = deriveModelType({ id, name: id.split('/')[1], modalities: text });
      assert.equal(got.type, want, `${id}: ${got.rule}`);
      assert.match(got.rule, /^name: /, id);
    }
  });

  test('ordinary chat models stay text generation, even with "fast", "turbo" or "vision" in the name', () => {
    for (const id of ['openai/gpt-4o', 'xai/grok-4-fast', 'openai/gpt-3.5-turbo', 'meta/llama-3.2-90b-vision', 'qwen/qwen3-235b'])
      assert.deepEqual(
        deriveModelType({ id, modalities: text }),
        { type: 'text-generation', rule: 'default: text generation' },
        id,
      );
  });

  test('modalities decide when the name says nothing', () => {
    assert.equal(deriveModelType({ id: 'x/a', modalities: { input: ['text'], output: ['image'] } }).type, 'image-generation');
    assert.equal(
      deriveModelType({ id: 'x/b', modalities: { input: ['text', 'image'], output: ['video'] } }).type,
      'video-generation',
    );
    assert.equal(deriveModelType({ id: 'x/c', modalities: { input: ['text'], output: ['audio'] } }).type, 'text-to-speech');
    assert.equal(deriveModelType({ id: 'x/d', modalities: { input: ['audio'], output: ['text'] } }).type, 'speech-to-text');
    // Audio and text in, text out is an audio-capable chat model; image and text out a chat model that can draw.
    assert.equal(
      deriveModelType({ id: 'x/e', modalities: { input: ['text', 'audio'], output: ['text'] } }).type,
      'text-generation',
    );
    assert.equal(
      deriveModelType({ id: 'x/f', modalities: { input: ['text'], output: ['text', 'image'] } }).type,
      'text-generation',
    );
  });

  test("offerings' ids and modalities count when the record has none", () => {
    const viaId = deriveModelType({ id: 'deepgram/nova-3', name: 'Nova 3' }, [{ provider_model_id: 'deepgram/nova-3' }]);
    assert.equal(viaId.type, 'speech-to-text');
    const viaModalities = deriveModelType({ id: 'x/y' }, [
      { provider_model_id: 'y', modalities: { input: ['text'], output: ['video'] } },
    ]);
    assert.equal(viaModalities.type, 'video-generation');
    // The model's own name decides before an offering id that names something else.
    assert.equal(deriveModelType({ id: 'x/whisper-2' }, [{ provider_model_id: 'embed-whisper' }]).type, 'speech-to-text');
  });

  test('every rule names a known type', () => {
    for (const [, type] of TYPE_NAME_RULES) assert.ok((MODEL_TYPES as readonly string[]).includes(type), type);
  });
});
