/**
 * Curated aliases: ids the normalization rules cannot reduce to their model's key, each
 * mapped to that key by hand. When the importer creates or updates the model, these go
 * into its record's `aliases`, where they can be edited like any other curated field.
 * Key: a linking key (see normalize.ts) → the canonical model's key.
 */
export const CURATED_ALIASES: Record<string, string> = {
  'devstral-2-123b-2512': 'devstral-2512',
  'grok-4-20': 'grok-4.20',
  'grok-4-20-beta-0309': 'grok-4.20-0309',
  'grok-4.20-beta-0309': 'grok-4.20-0309',
  'llama-3.1-nemotron-ultra-253b-v1': 'llama-3.1-nemotron-ultra-253b',
  'mistral-large-3': 'mistral-large-2512',
  'mistral-large-3-675b': 'mistral-large-2512',
  'mistral-large-3-675b-2512': 'mistral-large-2512',
  'mistral-nemo-2407': 'mistral-nemo',
  'mistral-small-3.2-24b-2506': 'mistral-small-2506',
  'nemotron-120b': 'nemotron-3-super-120b',
  'nemotron-3-120b': 'nemotron-3-super-120b',
  'nemotron-3-super': 'nemotron-3-super-120b',
  'nemotron-3-ultra': 'nemotron-3-ultra-550b',
  'pixtral-12b-2409': 'pixtral-12b',
  'stepfun-3.5-flash': 'step-3.5-flash',
  'solar-pro3': 'solar-pro-3',
  'mistral-7b-v03': 'mistral-7b-v0.3',
};
