/**
 * The second half of every dataset importer: what one source says about offerings (its
 * observations) is stored on each offering it matches, and the reconciliation rule
 * (src/core/reconcile.ts, data/README.md) sets the offering's prices, limits and lifecycle
 * from all of its observations. Pure: data files in, files to write out; the folder is
 * validated in-process and nothing may be written when it has problems.
 *
 * Matching is exact on (provider, provider_model_id), then case-insensitive; an importer maps
 * its source's provider ids and model keys to ours before calling `planObservations`.
 */
import { metersOf, recordPriceChange } from '../../src/core/history.ts';
import { choose, reconcile, type ObservationLike, type ReconciledField } from '../../src/core/reconcile.ts';
import { recordPolicyProblems } from '../../src/model/policies.ts';
import { DATA_SOURCE_URL, DATA_SOURCES, STATUS_STAGE, type DataSource, type Meter } from '../../src/core/vocab.ts';
import { HttpsUrl, KINDS } from '../../src/model/schema.ts';
import { validateFiles, type DataFile, type Problem } from '../../src/model/validate.ts';
import { parseYaml } from '../../src/model/yaml-source.ts';
import { orderLike, toYaml } from './yaml-write.ts';
import { cmp, dropEmpty, isObj, type Json } from './json.ts';

/** One offering as a source states it: our provider id and API id, and what the source says. */
export interface SourceEntry {
  provider: string;
  provider_model_id: string;
  /** The observation without `source` and `as_of` (set by planObservations). */
  observation: Omit<ObservationLike, 'source' | 'as_of'> & { key?: string; scheduled?: ScheduledPrice[] };
}
/** A price the source announces from a later date (ObservationSchema `scheduled`). */
export type ScheduledPrice = { effective_from: string } & Partial<Record<Meter, number>>;

export interface ObservePlan {
  writes: { rel: string; text: string }[];
  /** Offerings the source matched. */
  matched: number;
  /** Entries that match no offering, grouped by provider (largest first). */
  unmatched: { provider: string; ids: string[] }[];
  /** Entries dropped because another entry of the same source already matched their offering. */
  duplicates: string[];
  /** Offerings whose kept values changed, with each change. */
  changed: { id: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  /** Offerings whose observation from this source was removed (the source no longer lists them). */
  dropped: string[];
  /**
   * Offerings left unchanged because the reconciled record would break its own schema (e.g. a new
   * input price below a cache_read price that only another source states), with the first issue.
   */
  refused: { id: string; reason: string }[];
  /** Limits left out of an observation because the offering or its model cannot hold them. */
  limitsSkipped: string[];
  problems: Problem[];
}

const LIMITS = ['context_window', 'max_input_tokens', 'max_output_tokens'] as const;

/**
 * Drops from `obs.limits` every limit the record cannot hold: one above the linked model's cap for
 * the same field, or an input or output limit above the offering's context window (the
 * observation's own, else the record's). Returns a line per dropped limit.
 */
export const fitLimits = (rel: string, obs: Json, rec: Json, model: Json | undefined): string[] => {
  const limits = obs.limits;
  if (!isObj(limits)) return [];
  const out: string[] = [];
  const window = (limits.context_window ?? getPath(rec, ['limits', 'context_window'])) as number | undefined;
  for (const field of LIMITS) {
    const v = limits[field];
    if (typeof v !== 'number') continue;
    const cap = model?.[field];
    let why: string | undefined;
    if (typeof cap === 'number' && v > cap) why = `exceeds the model's ${field} of ${cap}`;
    else if (field !== 'context_window' && typeof window === 'number' && v > window)
      why = `exceeds the offering's context_window of ${window}`;
    if (!why) continue;
    delete limits[field];
    out.push(`${rel} limits.${field} ${v}: ${why}`);
  }
  if (!Object.keys(limits).length) delete obs.limits;
  return out;
};

const BILLINGS_WITHOUT_METERS = new Set(['subscription', 'self_hosted', 'unpublished']);
/** Lifecycle order: a dataset may move an offering forward (active → deprecated → retired), never back. */

const getPath = (rec: Json, path: string[]): unknown => path.reduce<unknown>((cur, p) => (isObj(cur) ? cur[p] : undefined), rec);
const setPath = (rec: Json, path: string[], value: unknown) => {
  let cur = rec;
  for (const p of path.slice(0, -1)) {
    if (!isObj(cur[p])) cur[p] = {};
    cur = cur[p] as Json;
  }
  cur[path.at(-1)!] = value;
};

/** Puts an observation (or none) for `source` on the record, keeping one per source in vocabulary order. */
export const withObservation = (rec: Json, source: DataSource, obs: Json | undefined): Json => {
  const others = ((rec.observations as Json[] | undefined) ?? []).filter((o) => o.source !== source);
  const list = obs ? [...others, obs] : others;
  list.sort((a, b) => DATA_SOURCES.indexOf(a.source as DataSource) - DATA_SOURCES.indexOf(b.source as DataSource));
  const out = { ...rec };
  if (list.length) out.observations = list;
  else delete out.observations;
  return out;
};

/**
 * Sets the offering's fields from its observations by the reconciliation rule. Prices are left
 * alone on offerings billed by subscription, self-hosted or unpublished; the status only moves
 * forward unless the provider's own page states it. Returns the changed fields.
 */
export const applyReconciliation = (rec: Json): { field: string; before: unknown; after: unknown }[] => {
  const observations = (rec.observations as ObservationLike[] | undefined) ?? [];
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  const billing = (getPath(rec, ['pricing', 'billing']) as string | undefined) ?? 'usage';
  for (const [field, choice] of reconcile(observations)) {
    const path = field.split('.');
    if (path[0] === 'pricing' && BILLINGS_WITHOUT_METERS.has(billing)) continue;
    const before = getPath(rec, path);
    if (field === 'status') {
      const cur = (before as keyof typeof STATUS_STAGE | undefined) ?? 'active';
      const next = choice.value as keyof typeof STATUS_STAGE;
      if (choice.source !== 'provider' && STATUS_STAGE[next] <= STATUS_STAGE[cur]) continue;
    }
    if (before === choice.value) continue;
    setPath(rec, path, choice.value);
    changes.push({ field, before, after: choice.value });
  }
  // Lifecycle dates stated without a status: a past retirement date retires, a past deprecation date deprecates.
  return changes;
};

/**
 * The offering's price_history after an import dated `asOf`: a change of the current price is
 * recorded (recordPriceChange, on the entries up to `asOf`; later ones are scheduled changes and
 * kept; a scheduled price that has come into force is not recorded twice), then each price the
 * kept source (the one whose input price, else output price, the rule kept) announces for a later
 * date is added unless an entry with that date is there. When the history was empty, the current
 * price comes first (dated like recordPriceChange's previous price).
 */
/** A meter both observations state has another value now. */
export const statedPriceChanged = (a: unknown, b: unknown): boolean => {
  const x = metersOf(a);
  const y = metersOf(b);
  return Object.keys(x).some((m) => y[m] !== undefined && y[m] !== x[m]);
};

export const historyWithScheduled = (before: Json, rec: Json, asOf: string, sourceChanged = true): Json[] | undefined => {
  const old = (before.price_history as Json[] | undefined) ?? [];
  const future = old.filter((h) => typeof h.effective_from === 'string' && h.effective_from > asOf);
  const past = old.filter((h) => !future.includes(h));
  const recorded = sourceChanged
    ? (recordPriceChange({ ...before, price_history: past.length ? past : undefined }, rec, asOf) ?? [])
    : past;
  // A scheduled price that has come into force is already in the history: no second entry for it.
  const [prev, last] = recorded.slice(-2);
  const states = (a: Json, b: Json) => {
    const m = metersOf(a);
    return Object.keys(m).length > 0 && Object.entries(m).every(([k, v]) => b[k] === v);
  };
  const inForce = prev && last && states(prev, last) && !states(prev, metersOf(before.pricing));
  if (past.length && recorded.length > past.length && inForce) recorded.pop();
  const observations = (rec.observations as (ObservationLike & { scheduled?: ScheduledPrice[] })[] | undefined) ?? [];
  const kept = choose(observations, 'pricing.input') ?? choose(observations, 'pricing.output');
  const billing = (getPath(rec, ['pricing', 'billing']) as string | undefined) ?? 'usage';
  const announced =
    kept && !BILLINGS_WITHOUT_METERS.has(billing) ? (observations.find((o) => o.source === kept.source)?.scheduled ?? []) : [];
  const out = [...recorded, ...future];
  for (const s of announced) {
    if (s.effective_from <= asOf || out.some((h) => h.effective_from === s.effective_from)) continue;
    if (!out.length) {
      const now = metersOf(rec.pricing);
      if (!Object.keys(now).length) break;
      const release = typeof rec.release_date === 'string' && rec.release_date.length === 10 ? rec.release_date : undefined;
      const since = typeof rec.last_verified === 'string' ? rec.last_verified : release;
      out.push(since && since <= asOf ? { effective_from: since, ...now } : { ...now });
    }
    out.push({ ...s });
  }
  out.sort((a, b) => cmp((a.effective_from as string | undefined) ?? '', (b.effective_from as string | undefined) ?? ''));
  return out.length ? out : undefined;
};

/** Where a source's facts can be read when its observation names no page. */
const SOURCE_HOME: Record<DataSource, string | undefined> = {
  provider: undefined,
  'models-dev': 'https://models.dev',
  'genai-prices': DATA_SOURCE_URL['genai-prices'],
  portkey: DATA_SOURCE_URL.portkey,
  litellm: DATA_SOURCE_URL.litellm,
};

/**
 * Every record names its sources and when it was last checked: the pages (or dataset homes) of its
 * observations join `sources`, and a record without `last_verified` gets its newest observation's date.
 */
export const stampSources = (rec: Json): void => {
  const observations = (rec.observations as { source: DataSource; as_of: string; url?: string }[] | undefined) ?? [];
  if (!observations.length) return;
  const had = (rec.sources as string[] | undefined) ?? [];
  const seen = new Set(had);
  const add = observations
    .map((o) => o.url ?? SOURCE_HOME[o.source])
    .filter((u): u is string => u !== undefined && !seen.has(u) && !!seen.add(u));
  if (add.length) rec.sources = [...had, ...add];
  // A record checked by hand keeps its date (each observation has its own); one never checked gets its newest source's.
  if (typeof rec.last_verified !== 'string') rec.last_verified = observations.reduce((d, o) => (o.as_of > d ? o.as_of : d), '');
};

/** The kept value for one field (for reports). */
export const keptValue = (rec: Json, field: ReconciledField) =>
  choose((rec.observations as ObservationLike[] | undefined) ?? [], field)?.value;

const same = (a: unknown, b: unknown) =>
  JSON.stringify(orderLike(KINDS.offerings.schema as never, a)) === JSON.stringify(orderLike(KINDS.offerings.schema as never, b));

/**
 * Plans storing `entries` as `source`'s observations dated `asOf`: each matched offering gets
 * this source's observation replaced, offerings the source no longer lists lose it, and every
 * touched offering is reconciled (a price change is appended to price_history, dated `asOf`).
 */
export const planObservations = (
  source: Exclude<DataSource, 'provider'>,
  asOf: string,
  entries: readonly SourceEntry[],
  existing: readonly DataFile[],
  options: { importDate?: string } = {},
): ObservePlan => {
  const offerings = new Map<string, Json>();
  const models = new Map<string, Json>();
  for (const f of existing) {
    if (f.rel.startsWith('models/') && f.rel.endsWith('.yaml')) {
      const parsed = parseYaml(f.display, f.bytes);
      if (parsed.ok && isObj(parsed.value.data)) models.set(f.rel.slice('models/'.length, -'.yaml'.length), parsed.value.data);
    }
    if (!f.rel.startsWith('offerings/') || !f.rel.endsWith('.yaml')) continue;
    const parsed = parseYaml(f.display, f.bytes);
    if (parsed.ok && isObj(parsed.value.data)) offerings.set(f.rel, parsed.value.data);
  }
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const [rel, o] of offerings) {
    const key = `${String(o.provider)}\u0000${String(o.provider_model_id)}`;
    exact.set(key, rel);
    if (!folded.has(key.toLowerCase())) folded.set(key.toLowerCase(), rel);
  }

  const found = new Map<string, SourceEntry>();
  const unmatched = new Map<string, string[]>();
  const duplicates: string[] = [];
  for (const e of entries) {
    const key = `${e.provider}\u0000${e.provider_model_id}`;
    const rel = exact.get(key) ?? folded.get(key.toLowerCase());
    if (rel === undefined) unmatched.set(e.provider, [...(unmatched.get(e.provider) ?? []), e.provider_model_id]);
    else if (found.has(rel)) duplicates.push(`${e.provider}:${e.provider_model_id} (${rel})`);
    else found.set(rel, e);
  }

  const writes: ObservePlan['writes'] = [];
  const changed: ObservePlan['changed'] = [];
  const dropped: string[] = [];
  const refused: ObservePlan['refused'] = [];
  const limitsSkipped: string[] = [];
  const next = new Map<string, string>();
  for (const [rel, before] of offerings) {
    const entry = found.get(rel);
    const had = ((before.observations as Json[] | undefined) ?? []).some((o) => o.source === source);
    if (!entry && !had) continue;
    const obs = entry ? dropEmpty({ source, as_of: asOf, ...entry.observation }) : undefined;
    if (obs?.url !== undefined && !HttpsUrl.safeParse(obs.url).success) {
      limitsSkipped.push(`${rel} url ${String(obs.url)}: not an https URL the schema accepts`);
      delete obs.url;
    }
    if (obs)
      limitsSkipped.push(...fitLimits(rel, obs, before, typeof before.model === 'string' ? models.get(before.model) : undefined));
    let rec = withObservation(structuredClone(before), source, obs);
    if (!entry) dropped.push(rel);
    const changes = applyReconciliation(rec);
    rec = dropEmpty(rec);
    // A price change is what a source reports about itself over time; a first observation that
    // disagrees with the other sources is a conflict, not a change (it would fill /changes/ with noise).
    const previous = ((before.observations as Json[] | undefined) ?? []).find((o) => o.source === source);
    const sourceChanged = previous !== undefined && obs !== undefined && statedPriceChanged(previous.pricing, obs.pricing);
    const history = historyWithScheduled(before, rec, options.importDate ?? asOf, sourceChanged);
    if (history) rec.price_history = history;
    stampSources(rec);
    if (same(before, rec)) continue;
    const check = KINDS.offerings.schema.safeParse(rec);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      refused.push({ id: rel.slice('offerings/'.length, -'.yaml'.length), reason: `${issue.path.join('.')}: ${issue.message}` });
      continue;
    }
    // The data policies (characters, caps, plausibility) the validator applies on top of the schema.
    const policy = recordPolicyProblems('offerings', check.data);
    if (policy.length) {
      refused.push({ id: rel.slice('offerings/'.length, -'.yaml'.length), reason: policy[0]! });
      continue;
    }
    if (changes.length) changed.push({ id: rel.slice('offerings/'.length, -'.yaml'.length), changes });
    const text = toYaml('offerings', rec);
    writes.push({ rel, text });
    next.set(rel, text);
  }
  writes.sort((a, b) => cmp(a.rel, b.rel));

  const encoder = new TextEncoder();
  const result = existing.map((f) => (next.has(f.rel) ? { ...f, bytes: encoder.encode(next.get(f.rel)!) } : f));
  const { problems } = validateFiles(result);
  return {
    writes,
    matched: found.size,
    unmatched: [...unmatched]
      .map(([provider, ids]) => ({ provider, ids: ids.sort(cmp) }))
      .sort((a, b) => b.ids.length - a.ids.length || cmp(a.provider, b.provider)),
    duplicates,
    changed,
    dropped,
    refused,
    limitsSkipped,
    problems,
  };
};
