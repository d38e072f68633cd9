/**
 * Canonical linking: which model record a provider's model id names. Explicit and
 * explainable: an id links through (1) an existing offering record's `model`, (2) an alias
 * or id of a model record, (3) the normalization rules (normalize.ts), optionally followed
 * by a curated alias (aliases.ts), reaching the key of a model record. Ids that reach no
 * record are grouped by key; the importer creates one model per group whose creator it can
 * name, and reports the rest as unlinked.
 */
import { normalizeAlias } from '../../src/model/validate.ts';
import { CURATED_ALIASES, CURATED_ID_ALIASES } from './aliases.ts';
import { normalizeModelId, type NormalizedId } from './normalize.ts';

export interface LinkIndex {
  /** normalizeAlias(model id or alias) → model id. */
  exact: Map<string, string>;
  /** Linking key of a model's slug or alias → model id. */
  byKey: Map<string, string>;
  /** Keys claimed by two models: never used to link, reported instead. */
  conflicts: Map<string, string[]>;
}

/** Index of model records by id, aliases and their linking keys. */
export const buildIndex = (models: { id: string; aliases?: string[] }[]): LinkIndex => {
  const exact = new Map<string, string>();
  const byKey = new Map<string, string>();
  const conflicts = new Map<string, string[]>();
  const claim = (key: string, id: string) => {
    const owner = byKey.get(key);
    if (owner === undefined) byKey.set(key, id);
    else if (owner !== id) conflicts.set(key, [...new Set([...(conflicts.get(key) ?? [owner]), id])]);
  };
  for (const m of [...models].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    exact.set(normalizeAlias(m.id), m.id);
    claim(normalizeModelId(m.id.split('/').pop()!).key, m.id);
    for (const a of m.aliases ?? []) {
      if (!exact.has(normalizeAlias(a))) exact.set(normalizeAlias(a), m.id);
      claim(normalizeModelId(a).key, m.id);
    }
  }
  for (const k of conflicts.keys()) byKey.delete(k);
  return { exact, byKey, conflicts };
};

export interface Link {
  /** Linking key after rules and curated aliases. */
  key: string;
  norm: NormalizedId;
  /** Model id when a model record already covers the id. */
  model?: string;
  /** How the link was made, e.g. "alias" or "rules: strip-path-prefix, strip-serving-tokens". */
  via: string;
}

/** Links one provider model id against the index. */
export const linkId = (raw: string, index: LinkIndex): Link => {
  const norm = normalizeModelId(raw);
  const curated = CURATED_ID_ALIASES[raw.trim().toLowerCase()] ?? CURATED_ALIASES[norm.key];
  const key = curated ?? norm.key;
  const rules = [...norm.rules, ...(curated ? ['curated-alias'] : [])];
  const via = rules.length ? `rules: ${rules.join(', ')}` : 'identical key';
  const exact = index.exact.get(normalizeAlias(raw));
  if (exact !== undefined) return { key, norm, model: exact, via: 'model id or alias' };
  const model = index.byKey.get(key);
  return { key, norm, ...(model !== undefined && { model }), via };
};
