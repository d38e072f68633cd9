/**
 * Family pages: the curated hierarchy of data/families/ (family → generation → model) and, for
 * each family or generation, who serves any of its models (providers with the number of models
 * and their cheapest input and output price), its models, and the fine-tunes and merges built
 * on them, listed apart. Prices in USD per 1M tokens, usage billing only. Pure: records in, rows out.
 */
import { MODEL_TYPE_LABEL, type ModelType } from '../../core/vocab.ts';
import type { Billing } from '../../core/vocab.ts';

/** A family record with its id (data/families/<id>.yaml). */
export interface FamilyRecord {
  id: string;
  name: string;
  parent?: string | undefined;
  organization?: string | undefined;
  description?: string | undefined;
}

/** The parts of an offering the family pages read. */
export interface FamilyOfferingLike {
  provider: string;
  status: string;
  providerRecord: { id: string; name: string };
  price: {
    billing: Billing;
    usd: { input?: number | undefined; output?: number | undefined };
    /** (3 × input + output) / 4, USD per 1M tokens (price.ts blendedPrice); usage billing only. */
    blended?: number | undefined;
  };
}

/** The parts of a model the family pages read. */
export interface FamilyModelLike {
  id: string;
  name: string;
  type: ModelType;
  family?: string | undefined;
  base_model?: string | undefined;
  release_date?: string | undefined;
  status: string;
  organizationRecord: { id: string; name: string };
  offerings: FamilyOfferingLike[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Readable order of names: "Claude 3" < "Claude 3.5" < "Claude 4" < "Claude 4.10". */
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }) || cmp(a.id, b.id);
/** Newest release first; undated last; then by name. */
const newestFirst = (a: FamilyModelLike, b: FamilyModelLike) =>
  (a.release_date === undefined) !== (b.release_date === undefined)
    ? a.release_date === undefined
      ? 1
      : -1
    : cmp(b.release_date ?? '', a.release_date ?? '') || byName(a, b);

/** Offerings that count as "serves it": every status but retired. */
const serving = (m: FamilyModelLike) => m.offerings.filter((o) => o.status !== 'retired');

export interface FamilyIndex<M extends FamilyModelLike> {
  byId: Map<string, FamilyRecord>;
  /** Generations of each family, in readable order. */
  children: Map<string, FamilyRecord[]>;
  /** Models whose `family` is exactly this id. */
  direct: Map<string, M[]>;
  modelById: Map<string, M>;
}

/** Indexes the family records and the models naming them. */
export const familyIndex = <M extends FamilyModelLike>(families: FamilyRecord[], models: M[]): FamilyIndex<M> => {
  const byId = new Map(families.map((f) => [f.id, f]));
  const children = new Map<string, FamilyRecord[]>();
  for (const f of families)
    if (f.parent !== undefined && byId.has(f.parent)) children.set(f.parent, [...(children.get(f.parent) ?? []), f]);
  for (const list of children.values()) list.sort(byName);
  const direct = new Map<string, M[]>();
  for (const m of models) if (m.family !== undefined) direct.set(m.family, [...(direct.get(m.family) ?? []), m]);
  return { byId, children, direct, modelById: new Map(models.map((m) => [m.id, m])) };
};

/** The family and every generation below it, depth first. */
export const subtree = (index: FamilyIndex<FamilyModelLike>, id: string): string[] => {
  const out: string[] = [];
  const visit = (f: string) => {
    if (out.includes(f)) return; // a loop is the validator's to report; never recurse forever
    out.push(f);
    for (const c of index.children.get(f) ?? []) visit(c.id);
  };
  visit(id);
  return out;
};

/** Models of the family or generation and of every generation below it, newest first. */
export const familyModels = <M extends FamilyModelLike>(index: FamilyIndex<M>, id: string): M[] =>
  subtree(index, id)
    .flatMap((f) => index.direct.get(f) ?? [])
    .sort(newestFirst);

/**
 * Fine-tunes and merges of the family's models: models whose `base_model` (followed up the chain)
 * is a model of the family, and that are not themselves in it. Sorted by name.
 */
export const familyFineTunes = <M extends FamilyModelLike>(index: FamilyIndex<M>, id: string): M[] => {
  const inFamily = new Set(familyModels(index, id).map((m) => m.id));
  const rootOf = (m: M): string | undefined => {
    const seen = new Set<string>();
    let cur: M | undefined = m;
    while (cur?.base_model !== undefined && !seen.has(cur.id)) {
      seen.add(cur.id);
      if (inFamily.has(cur.base_model)) return cur.base_model;
      cur = index.modelById.get(cur.base_model);
    }
    return undefined;
  };
  return [...index.modelById.values()].filter((m) => !inFamily.has(m.id) && rootOf(m) !== undefined).sort(byName);
};

/** One model's price at one provider: its cheapest offering (usage prices in USD per 1M tokens), else how it bills. */
export interface FamilyCell {
  input: number | undefined;
  output: number | undefined;
  /** (3 × input + output) / 4 of the offering with the lowest one; undefined when none is priced by usage. */
  blended: number | undefined;
  /** Billing kinds of its offerings, when none is priced by usage ("Subscription", "Free"…). */
  billing: Billing[];
}

/** One provider serving models of a family: how many, and its cheapest prices. */
export interface FamilyProviderRow {
  id: string;
  name: string;
  /** Distinct models of the family it serves (any status but retired). */
  models: number;
  /** Lowest input price among them, USD per 1M tokens (usage billing), and the model it is for. */
  input: { usd: number; model: string } | undefined;
  output: { usd: number; model: string } | undefined;
  /** Lowest blended price among them (the sort key) and the model it is for; undefined: no usage price. */
  cheapest: { usd: number; model: string; input: number | undefined; output: number | undefined } | undefined;
  /** Billing kinds of its offerings when none has a usage price (the label of an unpriced row). */
  billing: Billing[];
  /** Model id → its price here, for each model of the family it serves. */
  byModel: Record<string, FamilyCell>;
}

/** Cheapest blended price first; rows without a usage price last; then by name. */
export const compareByCheapest = (
  a: { name: string; id: string; cheapest?: { usd: number } | undefined },
  b: { name: string; id: string; cheapest?: { usd: number } | undefined },
): number =>
  (a.cheapest === undefined ? 1 : 0) - (b.cheapest === undefined ? 1 : 0) ||
  (a.cheapest?.usd ?? 0) - (b.cheapest?.usd ?? 0) ||
  byName(a, b);

const addBilling = (list: Billing[], b: Billing) => (list.includes(b) || b === 'usage' ? list : [...list, b].sort());

/** Providers serving any of `models`: cheapest blended price first, unpriced last, then by name. */
export const familyProviders = (models: FamilyModelLike[]): FamilyProviderRow[] => {
  const rows = new Map<string, FamilyProviderRow>();
  for (const m of models)
    for (const o of serving(m)) {
      const r: FamilyProviderRow = rows.get(o.provider) ?? {
        id: o.providerRecord.id,
        name: o.providerRecord.name,
        models: 0,
        input: undefined,
        output: undefined,
        cheapest: undefined,
        billing: [],
        byModel: {},
      };
      rows.set(o.provider, r);
      let cell = r.byModel[m.id];
      if (!cell) {
        cell = r.byModel[m.id] = { input: undefined, output: undefined, blended: undefined, billing: [] };
        r.models++;
      }
      const { billing, usd, blended } = o.price;
      if (billing !== 'usage') {
        cell.billing = addBilling(cell.billing, billing);
        r.billing = addBilling(r.billing, billing);
        continue;
      }
      const { input, output } = usd;
      if (input !== undefined && (r.input === undefined || input < r.input.usd)) r.input = { usd: input, model: m.name };
      if (output !== undefined && (r.output === undefined || output < r.output.usd)) r.output = { usd: output, model: m.name };
      if (blended === undefined) continue;
      if (cell.blended === undefined || blended < cell.blended) Object.assign(cell, { input, output, blended });
      if (r.cheapest === undefined || blended < r.cheapest.usd) r.cheapest = { usd: blended, model: m.name, input, output };
    }
  return [...rows.values()].sort(compareByCheapest);
};

/** The providers of one model of the family, from the family's rows: cheapest first, unpriced last. */
export const modelProviderRows = (rows: FamilyProviderRow[], modelId: string, modelName: string): FamilyProviderRow[] =>
  rows
    .filter((r) => r.byModel[modelId] !== undefined)
    .map((r) => {
      const c = r.byModel[modelId]!;
      return {
        ...r,
        models: 1,
        input: c.input === undefined ? undefined : { usd: c.input, model: modelName },
        output: c.output === undefined ? undefined : { usd: c.output, model: modelName },
        cheapest: c.blended === undefined ? undefined : { usd: c.blended, model: modelName, input: c.input, output: c.output },
        billing: c.billing,
        byModel: { [modelId]: c },
      };
    })
    .sort(compareByCheapest);

/** Up to this many models, the providers table has a column per model; above, a chooser shows one model at a time. */
export const FAMILY_MODEL_COLUMNS = 4;

/** A model as the family pages list it. */
export interface FamilyModelRow {
  id: string;
  name: string;
  type: ModelType;
  typeLabel: string;
  release: string | undefined;
  status: string;
  /** Distinct providers serving it (any status but retired). */
  providers: number;
  /** Its generation, when the page is a family's and the model sits in one of its generations. */
  generation: { id: string; name: string } | undefined;
  /** For a fine-tune: its maker and the model it was trained from. */
  maker: { id: string; name: string };
  base: { id: string; name: string } | undefined;
}

const row = (index: FamilyIndex<FamilyModelLike>, m: FamilyModelLike, pageId: string): FamilyModelRow => {
  const gen = m.family !== undefined && m.family !== pageId ? index.byId.get(m.family) : undefined;
  const base = m.base_model === undefined ? undefined : index.modelById.get(m.base_model);
  return {
    id: m.id,
    name: m.name,
    type: m.type,
    typeLabel: MODEL_TYPE_LABEL[m.type],
    release: m.release_date,
    status: m.status,
    providers: new Set(serving(m).map((o) => o.provider)).size,
    generation: gen && { id: gen.id, name: gen.name },
    maker: { id: m.organizationRecord.id, name: m.organizationRecord.name },
    base: base && { id: base.id, name: base.name },
  };
};

/** A family or generation in the hierarchy, with what it holds. */
export interface FamilyNode {
  id: string;
  name: string;
  /** 0 for a top-level family, 1 for its generations, … */
  depth: number;
  /** Models in it and below it. */
  models: number;
  /** Distinct providers serving any of them. */
  providers: number;
  latestRelease: string | undefined;
}

export interface FamilyPage {
  id: string;
  name: string;
  description: string | undefined;
  organization: string | undefined;
  /** From the top-level family down to the parent. */
  ancestors: { id: string; name: string }[];
  /** Direct generations with models. */
  generations: FamilyNode[];
  providers: FamilyProviderRow[];
  /** Models shown as columns of the providers table (≤ FAMILY_MODEL_COLUMNS served models), else empty. */
  columns: { id: string; name: string }[];
  /** With more served models: each, with its providers cheapest first (the chooser's views); else empty. */
  choices: { id: string; name: string; anchor: string; providers: FamilyProviderRow[] }[];
  models: FamilyModelRow[];
  fineTunes: FamilyModelRow[];
}

/** The fragment of one model's view on a family page: "m-" and the id, "/" as "--", other signs as "_". */
export const familyModelAnchor = (modelId: string): string => `m-${modelId.replace(/\//g, '--').replace(/[^A-Za-z0-9_-]/g, '_')}`;

const nodeOf = (index: FamilyIndex<FamilyModelLike>, f: FamilyRecord, depth: number): FamilyNode => {
  const models = familyModels(index, f.id);
  const dates = models.map((m) => m.release_date).filter((d): d is string => d !== undefined);
  return {
    id: f.id,
    name: f.name,
    depth,
    models: models.length,
    providers: new Set(models.flatMap((m) => serving(m).map((o) => o.provider))).size,
    latestRelease: dates.sort().at(-1),
  };
};

/** The page of every family or generation that holds a model or a fine-tune, by id. */
export const familyPages = (families: FamilyRecord[], models: FamilyModelLike[]): FamilyPage[] => {
  const index = familyIndex(families, models);
  const pages: FamilyPage[] = [];
  for (const f of [...families].sort((a, b) => cmp(a.id, b.id))) {
    const members = familyModels(index, f.id);
    const fineTunes = familyFineTunes(index, f.id);
    if (!members.length && !fineTunes.length) continue;
    const ancestors: { id: string; name: string }[] = [];
    for (let up = f.parent; up !== undefined && !ancestors.some((a) => a.id === up); up = index.byId.get(up)?.parent) {
      const a = index.byId.get(up);
      if (!a) break;
      ancestors.unshift({ id: a.id, name: a.name });
    }
    const providers = familyProviders(members);
    const served = members.filter((m) => providers.some((r) => r.byModel[m.id] !== undefined));
    const few = served.length <= FAMILY_MODEL_COLUMNS;
    pages.push({
      id: f.id,
      name: f.name,
      description: f.description,
      organization: f.organization,
      ancestors,
      generations: (index.children.get(f.id) ?? []).map((c) => nodeOf(index, c, 1)).filter((n) => n.models > 0),
      providers,
      columns: few ? served.map((m) => ({ id: m.id, name: m.name })) : [],
      choices: few
        ? []
        : served.map((m) => ({
            id: m.id,
            name: m.name,
            anchor: familyModelAnchor(m.id),
            providers: modelProviderRows(providers, m.id, m.name),
          })),
      models: members.map((m) => row(index, m, f.id)),
      fineTunes: fineTunes.map((m) => row(index, m, f.id)),
    });
  }
  return pages;
};

/** The hierarchy for the /families/ index: each top-level family, then its generations; empty ones left out. */
export const familyTree = (families: FamilyRecord[], models: FamilyModelLike[]): FamilyNode[] => {
  const index = familyIndex(families, models);
  const out: FamilyNode[] = [];
  const visit = (f: FamilyRecord, depth: number, seen: Set<string>) => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    const node = nodeOf(index, f, depth);
    if (!node.models) return;
    out.push(node);
    for (const c of index.children.get(f.id) ?? []) visit(c, depth + 1, seen);
  };
  const seen = new Set<string>();
  for (const f of families.filter((x) => x.parent === undefined || !index.byId.has(x.parent)).sort(byName)) visit(f, 0, seen);
  return out;
};
