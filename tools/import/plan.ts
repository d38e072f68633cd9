/**
 * The models.dev import as a pure function: source data + the current data folder's files
 * → the files to write, a summary, the unlinked offerings and every value left out.
 * Nothing is written here; the result is validated in-process (validateFiles) and the CLI
 * writes only when there is no problem.
 */
import { createHash } from 'node:crypto';
import { KINDS, type Kind } from '../../src/model/schema.ts';
import { normalizeAlias, validateFiles, type DataFile, type Problem } from '../../src/model/validate.ts';
import { parseYaml } from '../../src/model/yaml-source.ts';
import { recordPolicyProblems } from '../../src/model/policies.ts';
import { CURATED_ALIASES } from './aliases.ts';
import { buildIndex, linkId, type Link } from './link.ts';
import { cleanName, mapDate, mapOffering, mapProvider, providerOrg, type Issue } from './map.ts';
import { mergeModel, mergeOffering, mergeOrganization, mergeProvider } from './merge.ts';
import { recordPriceChange } from '../../src/core/history.ts';
import type { SourceFile, SourceModel, SourceProvider } from './models-dev.ts';
import { deriveModelType, type TypedModalities } from './model-type.ts';
import { deriveFamily, orgByName, slugify } from './normalize.ts';
import { FINE_TUNE_MAKERS, FINE_TUNE_MARKERS, ORGS } from './orgs.ts';
import { orderLike, toYaml } from './yaml-write.ts';
import { cmp, dropEmpty, type Json } from './json.ts';
import { STATUS_STAGE } from '../../src/core/vocab.ts';
import { applyReconciliation, fitLimits, stampSources, statedPriceChanged, withObservation } from './observe.ts';
import { METERS } from '../../src/core/vocab.ts';

const KIND_LIST = Object.keys(KINDS) as Kind[];

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportPlan {
  /** Files to create or replace, path relative to the data folder ("offerings/groq/…yaml"). */
  writes: { rel: string; text: string }[];
  counts: Record<Kind, KindCounts>;
  /** Offerings linked to no model, grouped by linking key, largest group first. */
  unlinked: { key: string; count: number; examples: string[] }[];
  /** One line per link: "provider:id → model (via …)". */
  links: string[];
  /** Source values left out or records skipped. */
  issues: Issue[];
  /** Problems of the resulting data folder; when any, nothing may be written. */
  problems: Problem[];
  totals: { offerings: number; linked: number };
}

interface Member {
  provider: SourceProvider;
  model: SourceModel;
  link: Link;
  mapped: Json;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 6);

/** Most common value (ties: the smallest by JSON order); undefined when none. */
const mode = <T>(values: (T | undefined)[]): T | undefined => {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values)
    if (v !== undefined) counts.set(JSON.stringify(v), { v, n: (counts.get(JSON.stringify(v))?.n ?? 0) + 1 });
  return [...counts.entries()].sort(([ka, a], [kb, b]) => b.n - a.n || cmp(ka, kb))[0]?.[1].v;
};

/** Same data, regardless of key order. */
const sameRecord = (kind: Kind, a: unknown, b: unknown) =>
  JSON.stringify(orderLike(KINDS[kind].schema as never, a)) === JSON.stringify(orderLike(KINDS[kind].schema as never, b));

/** Reads the raw (default-free) records of the data folder, by kind and id. */
const readExisting = (files: DataFile[]) => {
  const recs: Record<Kind, Map<string, Json>> = {
    organizations: new Map(),
    families: new Map(),
    models: new Map(),
    providers: new Map(),
    offerings: new Map(),
  };
  for (const f of files) {
    const parts = f.rel.split('/');
    const kind = parts[0] as Kind;
    if (!KIND_LIST.includes(kind) || !f.rel.endsWith('.yaml') || parts.length < 2) continue;
    const parsed = parseYaml(f.display, f.bytes);
    if (!parsed.ok || typeof parsed.value.data !== 'object') continue;
    recs[kind].set(parts.slice(1).join('/').slice(0, -'.yaml'.length), parsed.value.data as Json);
  }
  return recs;
};

/**
 * Organization for a group of ids: a known creator prefix wins, then an unknown creator-like
 * prefix (a fine-tune's publisher: "huihui-ai/Llama-3.3-70B-…-abliterated" is huihui-ai's, not
 * Meta's), then a branded fine-tune's maker, then "community" for a fine-tune that names no
 * maker, then the name pattern; the most
 * common among the members, or undefined.
 */
export const groupOrg = (members: Pick<Member, 'link'>[]) =>
  mode(members.map((m) => m.link.norm.prefixOrg)) ??
  mode(members.map((m) => m.link.norm.unknownPrefix)) ??
  FINE_TUNE_MAKERS.find(([re]) => re.test(members[0]!.link.key))?.[1] ??
  (FINE_TUNE_MARKERS.test(members[0]!.link.key) ? 'community' : undefined) ??
  orgByName(members[0]!.link.key);

/** Model facts from its offerings: the first-party ones when any, else the most common values. */
const modelFacts = (org: string, key: string, members: Member[], families: ReadonlyMap<string, string | undefined>): Json => {
  const first = members.filter((m) => providerOrg(m.provider.id) === org);
  const best = first.length ? first : members;
  const pick = <T>(f: (m: Member) => T | undefined) => mode(best.map(f)) ?? mode(members.map(f));
  const limit = (k: string) => {
    const vals = members
      .map((m) => (m.mapped.limits as Json | undefined)?.[k] as number | undefined)
      .filter((v) => v !== undefined);
    return vals.length ? Math.max(...vals) : undefined;
  };
  const noIssues: Issue[] = [];
  const modalities = pick((m) => m.mapped.modalities as Json | undefined);
  const caps: Json = {};
  const flag = (name: string, f: (m: SourceModel) => boolean | undefined) => {
    const v = pick((m) => f(m.model));
    if (v !== undefined) caps[name] = v;
  };
  flag('reasoning', (m) => m.reasoning);
  flag('tool_calling', (m) => m.tool_call);
  flag('structured_output', (m) => m.structured_output);
  flag('attachments', (m) => m.attachment);
  flag('temperature', (m) => m.temperature);
  if (modalities) caps.vision = (modalities.input as string[]).includes('image');
  const context = limit('context_window');
  const output = limit('max_output_tokens');
  const input = limit('max_input_tokens');
  // Only a curated family record (data/families/): the key's, else the one models.dev's family slug names.
  const family =
    deriveFamily(key, org, families) ??
    pick((m) => (m.model.family ? deriveFamily(slugify(m.model.family), org, families) : undefined));
  const name = pick((m) => cleanName(m.model.name));
  // What the model does, for a new record (an existing record's curated type is kept: see mergeModel).
  const { type } = deriveModelType(
    { id: key, name, modalities: modalities as TypedModalities | undefined },
    members.map((m) => ({
      provider_model_id: m.model.id,
      name: m.model.name,
      modalities: m.mapped.modalities as TypedModalities | undefined,
    })),
  );
  return {
    name,
    organization: org,
    type,
    family,
    release_date: pick((m) => mapDate(m.model.release_date, '', '', noIssues)),
    knowledge_cutoff: pick((m) => mapDate(m.model.knowledge, '', '', noIssues)),
    open_weights: pick((m) => m.model.open_weights),
    context_window: context,
    // The largest limits any offering states, so that every offering fits within them; a
    // limit above the largest context (offerings without a context) is left out.
    max_input_tokens: context !== undefined && input !== undefined && input > context ? undefined : input,
    max_output_tokens: context !== undefined && output !== undefined && output > context ? undefined : output,
    modalities,
    capabilities: caps,
  };
};

/**
 * Raises the limits models.dev states for a model (the largest of its offerings there) to the
 * largest any offering of it in the data states, so that a re-import never lowers a model below
 * an offering curated from a provider's page or set from another source (models.dev's 1,000,000
 * against a host's 1,048,576).
 */
const coverOfferingLimits = (facts: Json, id: string, offerings: ReadonlyMap<string, Json>) => {
  for (const k of ['context_window', 'max_input_tokens', 'max_output_tokens'] as const) {
    if (typeof facts[k] !== 'number') continue;
    for (const o of offerings.values()) {
      const v = (o.limits as Json | undefined)?.[k];
      if (o.model === id && typeof v === 'number' && v > (facts[k] as number)) facts[k] = v;
    }
  }
};

/** What models.dev states about one offering, as its observation (prices, limits, status), or undefined. */
export const modelsDevObservation = (mapped: Json, asOf: string): Json | undefined => {
  const price = (mapped.pricing ?? {}) as Json;
  const pricing = Object.fromEntries(METERS.filter((k) => price[k] !== undefined).map((k) => [k, price[k]]));
  const limits = (mapped.limits ?? {}) as Json;
  const obs: Json = {
    source: 'models-dev',
    as_of: asOf,
    ...(Object.keys(pricing).length && { pricing }),
    ...(Object.keys(limits).length && { limits }),
    ...(mapped.status !== undefined && { status: mapped.status }),
  };
  return Object.keys(obs).length > 2 ? obs : undefined;
};

/** Lifecycle order: models.dev moves an existing offering forward (active → deprecated → retired), never back. */

/**
 * Stores models.dev's observation (dated `asOf`) on a merged offering and lets the
 * reconciliation rule set its prices, limits and status from every observation, so that a
 * provider page or a newer dataset keeps its value over a models.dev re-import. Like the other
 * datasets, models.dev moves an existing offering's status forward only (a curated "retired"
 * stays retired). On an offering read from its provider's page (a `provider` observation), the
 * pricing as curated (billing, context tiers, modes) is kept and the rule sets only the meters
 * the sources state. Without a date, the merged record is returned as it is.
 */
const observeModelsDev = (
  base: Json | undefined,
  merged: Json,
  mapped: Json,
  asOf: string | undefined,
  model: Json | undefined,
  where: string,
  issues: Issue[],
): Json => {
  if (asOf === undefined) return merged;
  const obs = modelsDevObservation(mapped, asOf);
  // A limit the (curated) model record cannot hold is left out, as for every dataset.
  if (obs)
    for (const l of fitLimits(where, obs, merged, model)) issues.push({ where, field: 'limits', message: `left out: ${l}` });
  const caps = (model ?? {}) as Record<string, unknown>;
  const limits = (merged.limits ?? {}) as Record<string, unknown>;
  for (const k of ['context_window', 'max_input_tokens', 'max_output_tokens'])
    if (typeof limits[k] === 'number' && typeof caps[k] === 'number' && (limits[k] as number) > (caps[k] as number)) {
      const was = ((base?.limits ?? {}) as Record<string, unknown>)[k];
      if (typeof was === 'number' && was <= (caps[k] as number)) limits[k] = was;
      else delete limits[k];
    }
  const rec = withObservation(merged, 'models-dev', obs);
  // Read from the provider's own page: its pricing (billing, tiers, modes) stays as curated, the rule sets the meters.
  const fromPage = ((base?.observations as Json[] | undefined) ?? []).some((o) => o.source === 'provider');
  if (fromPage && base?.pricing !== undefined) rec.pricing = structuredClone(base.pricing);
  const stage = (s: unknown) => STATUS_STAGE[(s as keyof typeof STATUS_STAGE | undefined) ?? 'active'];
  if (base !== undefined && stage(rec.status) < stage(base.status)) {
    if (base.status === undefined) delete rec.status;
    else rec.status = base.status;
  }
  applyReconciliation(rec);
  stampSources(rec);
  return rec;
};

/**
 * Plans the import of `source` into the data folder whose files are `existing`. With `asOf`
 * (YYYY-MM-DD, the import day), an offering whose imported price differs from its current one
 * gets the change appended to its `price_history` (src/core/history.ts). With `sourceDate`
 * (default `asOf`), each offering gets a `models-dev` observation dated so.
 */
export const planImport = (
  source: SourceFile,
  existing: DataFile[],
  options: { asOf?: string | undefined; sourceDate?: string | undefined } = {},
): ImportPlan => {
  const issues: Issue[] = [];
  const recs = readExisting(existing);
  const next: Record<Kind, Map<string, Json>> = {
    organizations: new Map(),
    families: new Map(),
    models: new Map(),
    providers: new Map(),
    offerings: new Map(),
  };

  // Providers.
  const providers = Object.values(source).sort((a, b) => cmp(a.id, b.id));
  for (const p of providers) next.providers.set(p.id, mergeProvider(recs.providers.get(p.id), mapProvider(p, issues)));

  // Curated families: id → organization; the import only ever files a model under one of these.
  const familyOrgs = new Map([...recs.families].map(([id, f]) => [id, f.organization as string | undefined]));

  // Linking.
  const index = buildIndex([...recs.models].map(([id, m]) => ({ id, aliases: m.aliases as string[] | undefined })));
  const byProviderId = new Map<string, string>();
  for (const [id, o] of recs.offerings) byProviderId.set(`${o.provider}\u0000${o.provider_model_id}`, id);
  const members: Member[] = [];
  for (const p of providers)
    for (const m of Object.values(p.models).sort((a, b) => cmp(a.id, b.id))) {
      const existingId = byProviderId.get(`${p.id}\u0000${m.id}`);
      const handModel = existingId === undefined ? undefined : (recs.offerings.get(existingId)!.model as string | undefined);
      const link = linkId(m.id, index);
      const linked = handModel !== undefined ? { ...link, model: handModel, via: 'existing offering record' } : link;
      members.push({ provider: p, model: m, link: linked, mapped: mapOffering(p, m, issues) });
    }

  // New models: one per key that reaches no record and has a creator.
  const groups = new Map<string, Member[]>();
  for (const mem of members)
    if (mem.link.model === undefined) groups.set(mem.link.key, [...(groups.get(mem.link.key) ?? []), mem]);
  for (const [key, list] of [...groups].sort(([a], [b]) => cmp(a, b))) {
    const org = groupOrg(list);
    if (org === undefined || !key) continue;
    for (const mem of list) mem.link = { ...mem.link, model: `${org}/${key}`, via: `${mem.link.via}; new model` };
  }

  // Models and their organizations.
  const byModel = new Map<string, Member[]>();
  for (const mem of members) if (mem.link.model) byModel.set(mem.link.model, [...(byModel.get(mem.link.model) ?? []), mem]);
  const aliasOwner = new Map<string, string>(index.exact);
  const skippedModels: string[] = [];
  for (const [id, list] of [...byModel].sort(([a], [b]) => cmp(a, b))) {
    const [org, slug] = [id.split('/')[0]!, id.split('/').slice(1).join('/')];
    const base = recs.models.get(id);
    // A hand-made link to a model that does not exist is left to the validator to report, not invented.
    if (base === undefined && !list.some((m) => m.link.via.endsWith('new model'))) continue;
    const facts = modelFacts(org, list[0]!.link.key, list, familyOrgs);
    const curated = Object.entries(CURATED_ALIASES)
      .filter(([, to]) => to === list[0]!.link.key)
      .map(([from]) => from);
    // Aliases: curated ones, then every API id that linked here; one per normalized form
    // (the first in sort order), none equal to the model's own id or owned by another model.
    const seen = new Set([normalizeAlias(slug), normalizeAlias(id)]);
    const aliases = [...curated, ...list.map((m) => m.model.id)].sort(cmp).filter((a) => {
      const key = normalizeAlias(a);
      const owner = aliasOwner.get(key);
      if (seen.has(key) || (owner !== undefined && owner !== id)) return false;
      seen.add(key);
      aliasOwner.set(key, id);
      return true;
    });
    coverOfferingLimits(facts, id, recs.offerings);
    const model = dropEmpty(mergeModel(base, { ...facts, ...(aliases.length && { aliases }) }));
    const check = KINDS.models.schema.safeParse(model);
    if (!check.success) {
      // Never write an invalid model: its offerings stay unlinked instead.
      skippedModels.push(id);
      issues.push({
        where: `models/${id}`,
        field: '(record)',
        message: `skipped, its offerings left unlinked: ${describe(check.error.issues)}`,
      });
      for (const mem of list) mem.link = { ...mem.link, model: undefined, via: `${mem.link.via}; model skipped` };
      continue;
    }
    next.models.set(id, model);
    const orgInfo = ORGS[org] ?? { name: unknownOrgName(org, list) };
    next.organizations.set(org, mergeOrganization(recs.organizations.get(org), orgInfo as unknown as Json));
  }
  for (const p of next.providers.values()) {
    const org = p.organization as string | undefined;
    if (org && !next.organizations.has(org) && !recs.organizations.has(org) && ORGS[org])
      next.organizations.set(org, mergeOrganization(undefined, ORGS[org] as unknown as Json));
  }

  const unlinkedGroups = new Map<string, Member[]>();
  for (const mem of members)
    if (mem.link.model === undefined) unlinkedGroups.set(mem.link.key, [...(unlinkedGroups.get(mem.link.key) ?? []), mem]);
  const unlinked = [...unlinkedGroups]
    .map(([key, list]) => ({ key, count: list.length, examples: list.slice(0, 3).map((m) => `${m.provider.id}:${m.model.id}`) }))
    .sort((a, b) => b.count - a.count || cmp(a.key, b.key));

  // Offerings: existing records keep their path; new ones go to <provider>/<model id> or <provider>/<slug>.
  const taken = new Set(recs.offerings.keys());
  const sourceDate = options.sourceDate ?? options.asOf;
  const links: string[] = [];
  const ordered = [...members].sort(
    (a, b) =>
      cmp(a.provider.id, b.provider.id) ||
      cmp(a.link.model ?? '', b.link.model ?? '') ||
      a.model.id.length - b.model.id.length ||
      cmp(a.model.id, b.model.id),
  );
  for (const mem of ordered) {
    const pid = mem.provider.id;
    let id = byProviderId.get(`${pid}\u0000${mem.model.id}`);
    if (id === undefined) {
      const wanted = mem.link.model ? `${pid}/${mem.link.model}` : `${pid}/${slugify(mem.model.id)}`;
      id = !taken.has(wanted)
        ? wanted
        : mem.link.model
          ? `${wanted}--${slugify(mem.model.id)}`
          : `${wanted}--${hash(mem.model.id)}`;
      if (taken.has(id)) id = `${id}--${hash(mem.model.id)}`;
      taken.add(id);
    }
    const incoming = { ...mem.mapped, ...(mem.link.model && { model: mem.link.model }) };
    const base = recs.offerings.get(id);
    const model = mem.link.model === undefined ? undefined : (next.models.get(mem.link.model) ?? recs.models.get(mem.link.model));
    const merged = observeModelsDev(
      base,
      mergeOffering(base, incoming),
      mem.mapped,
      sourceDate,
      model,
      `offerings/${id}.yaml`,
      issues,
    );
    // A price change is models.dev reporting a new price of its own; before observations existed, the record's
    // price was models.dev's, so a difference from it still counts.
    const observedBefore = (base?.observations as Json[] | undefined) ?? [];
    const previous = observedBefore.find((o) => o.source === 'models-dev');
    const current = ((merged.observations as Json[] | undefined) ?? []).find((o) => o.source === 'models-dev');
    const reported = previous ? statedPriceChanged(previous.pricing, current?.pricing) : observedBefore.length === 0;
    const history = options.asOf === undefined || !reported ? undefined : recordPriceChange(base, merged, options.asOf);
    if (history) merged.price_history = history;
    next.offerings.set(id, merged);
    links.push(`${pid}:${mem.model.id} → ${mem.link.model ?? '(unlinked)'} (${mem.link.via})`);
  }

  // Per-record schema check: a record that would not validate is skipped, never written.
  const counts = Object.fromEntries(KIND_LIST.map((k) => [k, { created: 0, updated: 0, unchanged: 0, skipped: 0 }])) as Record<
    Kind,
    KindCounts
  >;
  counts.models.skipped = skippedModels.length;
  const writes: ImportPlan['writes'] = [];
  for (const kind of KIND_LIST) {
    for (const [id, rec] of [...next[kind]].sort(([a], [b]) => cmp(a, b))) {
      const clean = dropEmpty(rec);
      const r = KINDS[kind].schema.safeParse(clean);
      if (!r.success) {
        counts[kind].skipped++;
        issues.push({ where: `${kind}/${id}`, field: '(record)', message: `skipped: ${describe(r.error.issues)}` });
        continue;
      }
      // The data policies (characters, caps, plausibility) the validator applies on top of the schema.
      const policy = recordPolicyProblems(kind, clean);
      if (policy.length) {
        counts[kind].skipped++;
        issues.push({ where: `${kind}/${id}`, field: '(record)', message: `skipped: ${policy[0]}` });
        continue;
      }
      const before = recs[kind].get(id);
      if (before !== undefined && sameRecord(kind, before, clean)) {
        counts[kind].unchanged++;
        continue;
      }
      counts[kind][before === undefined ? 'created' : 'updated']++;
      writes.push({ rel: `${kind}/${id}.yaml`, text: toYaml(kind, clean) });
    }
  }

  // Whole-folder validation of the result.
  const written = new Map(writes.map((w) => [w.rel, w.text]));
  const encoder = new TextEncoder();
  const result: DataFile[] = existing.map((f) => (written.has(f.rel) ? { ...f, bytes: encoder.encode(written.get(f.rel)!) } : f));
  for (const w of writes)
    if (!existing.some((f) => f.rel === w.rel))
      result.push({ rel: w.rel, display: `data/${w.rel}`, bytes: encoder.encode(w.text) });
  const { problems } = validateFiles(result);
  const linked = members.filter((m) => m.link.model !== undefined).length;
  return { writes, counts, unlinked, links, issues, problems, totals: { offerings: members.length, linked } };
};

/** Name of an organization known only by an id prefix: the prefix as the source spells it. */
const unknownOrgName = (org: string, list: Member[]) => {
  for (const m of list) for (const seg of m.model.id.split('/').slice(0, -1)) if (slugify(seg) === org) return seg;
  return org;
};

const describe = (list: { path: PropertyKey[]; message: string }[]) =>
  list.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
