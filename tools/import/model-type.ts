/**
 * What a model does (MODEL_TYPES): derived from its name, its API ids and its modalities. Pure;
 * every decision names the rule that made it, so that a curator can check it. The importer sets
 * `type` on new models with it; a curated `type` on an existing record is never replaced.
 *
 * Order: a name or id that says what the model is ("whisper", "rerank", "tts", "sora") wins over
 * the modalities, since sources often list an embedding or a speech model as text → text; then
 * the modalities (image or video out, audio-only in or out); else text generation.
 */
import type { Modality, ModelType } from '../../src/core/vocab.ts';

export interface TypedModalities {
  input?: readonly Modality[] | undefined;
  output?: readonly Modality[] | undefined;
}

/** The parts of a model record the rules read. */
export interface ModelForType {
  id?: string | undefined;
  name?: string | undefined;
  aliases?: readonly string[] | undefined;
  modalities?: TypedModalities | undefined;
}

/** The parts of an offering the rules read. */
export interface OfferingForType {
  provider_model_id?: string | undefined;
  name?: string | undefined;
  modalities?: TypedModalities | undefined;
}

export interface DerivedType {
  type: ModelType;
  /** The rule that decided, e.g. "name: rerank" or "modalities: image output". */
  rule: string;
}

/**
 * Name patterns, first match wins. Matched against the model id, name, aliases and its
 * offerings' ids and names, lower-cased with "_", " " and "/" read as "-".
 */
export const TYPE_NAME_RULES: readonly [RegExp, ModelType, string][] = [
  [/(^|[-.])rerank|reranker/, 'rerank', 'rerank'],
  [
    /(^|[-.])(omni-)?moderation|(^|-)llama-guard|(^|-)shieldgemma|(^|-)guard-\d|-guard($|-)|-safeguard($|-)|content-safety|qwen\d*guard/,
    'moderation',
    'moderation',
  ],
  [/(^|-)realtime($|-)|(^|-)grok-voice($|-)/, 'realtime', 'realtime'],
  [/(^|-)(lyria|stable-audio|text-to-audio|elevenlabs-music|music-\d|suno)($|[-.\d])/, 'audio-generation', 'music and sound'],
  [/(^|[-.])ocr($|[-.])/, 'ocr', 'ocr'],
  [
    /(^|[-.])(embed|embedding|embeddings)($|[-.\d])|text-embedding|(^|-)(bge|gte|e5|nomic-embed|jina-embeddings|multilingual-e5)($|-)|(^|-)voyage-(?!.*rerank)|(^|-)qwen3-embedding/,
    'embedding',
    'embedding',
  ],
  [
    /(^|-)(whisper|transcribe|transcription|stt|scribe|parakeet|canary|nova-[23](-general|-medical)?$)($|-)|(^|-)distil-whisper|speech-to-text|(^|-)asr($|-)/,
    'speech-to-text',
    'speech-to-text',
  ],
  [
    /(^|-)(tts|melotts|text-to-speech|aura|sonic|kokoro|orpheus|eleven-(multilingual|turbo|flash|v\d)|playai-tts|speech-\d|speech-02|speech-2)($|[-.\d])/,
    'text-to-speech',
    'text-to-speech',
  ],
  [
    /(^|-)(sora|veo|kling|seedance|hailuo|wan-?\d.*-(t2v|i2v)|runway|gen-4|pika|ray-\d|hunyuan-video|video-01|mochi|ltx-video|cogvideo)($|[-.\d])|(^|-)video-gen|text-to-video|image-to-video/,
    'video-generation',
    'video generation',
  ],
  [
    /(^|-)(dall-e|imagen|flux|recraft|ideogram|stable-diffusion|sdxl|sd3|seedream|midjourney|nano-banana|cogview|hidream|qwen-image|gpt-image|chatgpt-image|image-gen|playground-v|kolors|lucid-origin|phoenix)($|[-.\d])|-image($|-)|text-to-image/,
    'image-generation',
    'image generation',
  ],
];

const has = (list: readonly Modality[] | undefined, m: Modality) => (list ?? []).includes(m);
const only = (list: readonly Modality[] | undefined, allowed: readonly Modality[]) =>
  (list ?? []).length > 0 && (list ?? []).every((m) => allowed.includes(m));

/** The names the rules read: id (last path segment too), name, aliases, offerings' ids and names. */
const namesOf = (model: ModelForType, offerings: readonly OfferingForType[]): string[] =>
  [model.id?.split('/').pop(), model.name, ...(model.aliases ?? []), ...offerings.flatMap((o) => [o.provider_model_id, o.name])]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .flatMap((s) => {
      const low = s.toLowerCase().replace(/[_\s]+/g, '-');
      return [low, low.split('/').pop()!];
    });

/** Modalities: the model's own, else the most complete offering's. */
const modalitiesOf = (model: ModelForType, offerings: readonly OfferingForType[]): TypedModalities | undefined =>
  model.modalities ??
  [...offerings]
    .map((o) => o.modalities)
    .filter((m): m is TypedModalities => m !== undefined)
    .sort((a, b) => (b.input?.length ?? 0) + (b.output?.length ?? 0) - (a.input?.length ?? 0) - (a.output?.length ?? 0))[0];

/** Type of one model from its record and its offerings. */
export const deriveModelType = (model: ModelForType, offerings: readonly OfferingForType[] = []): DerivedType => {
  const names = namesOf(model, offerings);
  // The model's own id and name decide first; offerings' ids only when those say nothing.
  const own = namesOf({ id: model.id, name: model.name }, []);
  for (const pool of [own, names])
    for (const [re, type, label] of TYPE_NAME_RULES) if (pool.some((n) => re.test(n))) return { type, rule: `name: ${label}` };
  const mod = modalitiesOf(model, offerings);
  if (mod) {
    if (has(mod.output, 'video')) return { type: 'video-generation', rule: 'modalities: video output' };
    // Image and text out without an image name is a chat model that can also draw: text generation.
    if (has(mod.output, 'image') && !has(mod.output, 'text'))
      return { type: 'image-generation', rule: 'modalities: image output' };
    if (only(mod.output, ['audio']) && has(mod.input, 'text'))
      return { type: 'text-to-speech', rule: 'modalities: text in, audio out' };
    if (only(mod.input, ['audio']) && only(mod.output, ['text']))
      return { type: 'speech-to-text', rule: 'modalities: audio in, text out' };
  }
  return { type: 'text-generation', rule: 'default: text generation' };
};
