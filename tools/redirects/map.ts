/**
 * Where the pages of an older data set went (issue #15: 112 duplicate models merged into canonical
 * ones, 61 moved to their real makers, slug families replaced by curated records). Pure: the CLI
 * (tools/redirects.ts) reads the old records from git and the current ones from data/.
 *
 * A gone model is followed, strongest evidence first, to:
 *  1. the model now carrying its old offerings: the offerings that named it, matched by provider
 *     and provider_model_id, point at one current model (most votes);
 *  2. the model whose `aliases` hold its old id ("org/slug");
 *  3. the model with the same slug under another organization (moved to its maker), when only one;
 *  4. the model of its own organization whose `aliases` hold its old slug, when only one.
 * A gone family slug goes to the current family record holding most of its old models (each
 * followed through step 1–4; a model without a family counts for its base model's family). A slug
 * none of whose models has a family now goes to its one model's page, else to the page of the
 * organization that makes most of them.
 */

/** A model of the old data: its id ("org/slug"), family slug and aliases. */
export interface OldModel {
  id: string;
  family?: string | undefined;
  aliases?: readonly string[] | undefined;
}
/** An offering (old or current): which model the provider's id served. */
export interface OfferingRef {
  provider: string;
  provider_model_id: string;
  model?: string | undefined;
}
/** A current model: its family record, base model and aliases. */
export interface CurrentModel {
  id: string;
  family?: string | undefined;
  base_model?: string | undefined;
  aliases?: readonly string[] | undefined;
}
/** A current family record. */
export interface CurrentFamily {
  id: string;
  parent?: string | undefined;
}

/** How a gone model was followed (the step of the module comment). */
export type ModelEvidence = 'offerings' | 'alias-id' | 'moved' | 'alias-slug';
export interface ModelMove {
  to: string;
  by: ModelEvidence;
}

const slugOf = (id: string) => id.slice(id.indexOf('/') + 1);
const orgOf = (id: string) => id.slice(0, id.indexOf('/'));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most frequent value (ties: the smallest), or undefined for none. */
const mostVoted = (votes: Map<string, number>): string | undefined =>
  [...votes].sort(([a, x], [b, y]) => y - x || cmp(a, b))[0]?.[0];

/**
 * Old model id → where it went, for every old model that no current model has the id of. Models
 * found nowhere are left out (the caller reports them).
 */
export const modelMoves = (
  oldModels: readonly OldModel[],
  oldOfferings: readonly OfferingRef[],
  current: readonly CurrentModel[],
  currentOfferings: readonly OfferingRef[],
): Map<string, ModelMove> => {
  const ids = new Set(current.map((m) => m.id));
  const served = new Map<string, string>();
  for (const o of currentOfferings) if (o.model !== undefined) served.set(`${o.provider}\u0000${o.provider_model_id}`, o.model);
  const votes = new Map<string, Map<string, number>>();
  for (const o of oldOfferings) {
    if (o.model === undefined || ids.has(o.model)) continue;
    const now = served.get(`${o.provider}\u0000${o.provider_model_id}`);
    if (now === undefined) continue;
    const v = votes.get(o.model) ?? new Map<string, number>();
    v.set(now, (v.get(now) ?? 0) + 1);
    votes.set(o.model, v);
  }
  const byAlias = new Map<string, string[]>();
  for (const m of current)
    for (const a of m.aliases ?? []) byAlias.set(a.toLowerCase(), [...(byAlias.get(a.toLowerCase()) ?? []), m.id]);
  const bySlug = new Map<string, string[]>();
  for (const m of current) bySlug.set(slugOf(m.id), [...(bySlug.get(slugOf(m.id)) ?? []), m.id]);

  const out = new Map<string, ModelMove>();
  for (const old of [...oldModels].sort((a, b) => cmp(a.id, b.id))) {
    if (ids.has(old.id)) continue;
    const voted = votes.get(old.id);
    const byOfferings = voted && mostVoted(voted);
    if (byOfferings) {
      out.set(old.id, { to: byOfferings, by: 'offerings' });
      continue;
    }
    const aliasId = [...new Set(byAlias.get(old.id.toLowerCase()) ?? [])];
    if (aliasId.length === 1) {
      out.set(old.id, { to: aliasId[0]!, by: 'alias-id' });
      continue;
    }
    const moved = (bySlug.get(slugOf(old.id)) ?? []).filter((id) => orgOf(id) !== orgOf(old.id));
    if (moved.length === 1) {
      out.set(old.id, { to: moved[0]!, by: 'moved' });
      continue;
    }
    const aliasSlug = [...new Set(byAlias.get(slugOf(old.id).toLowerCase()) ?? [])].filter((id) => orgOf(id) === orgOf(old.id));
    if (aliasSlug.length === 1) out.set(old.id, { to: aliasSlug[0]!, by: 'alias-slug' });
  }
  return out;
};

/** The family a current model counts for: its own, else (fine-tunes) its base model's, up the chain. */
export const familyOf = (id: string, byId: ReadonlyMap<string, CurrentModel>): string | undefined => {
  const seen = new Set<string>();
  for (let m = byId.get(id); m && !seen.has(m.id); m = m.base_model === undefined ? undefined : byId.get(m.base_model)) {
    if (m.family !== undefined) return m.family;
    seen.add(m.id);
  }
  return undefined;
};

/** `id` and its parents, nearest first. */
const lineage = (id: string, byId: ReadonlyMap<string, CurrentFamily>): string[] => {
  const out: string[] = [];
  for (let f = byId.get(id); f && !out.includes(f.id); f = f.parent === undefined ? undefined : byId.get(f.parent))
    out.push(f.id);
  return out;
};

/**
 * Old family slug → the current family record holding most of its old models, for every old slug
 * that is not a family page now (`pages`). On a tie, the nearest record that is or holds every tied
 * one, when it has a page; else the smallest id.
 */
export const familyMoves = (
  oldModels: readonly OldModel[],
  moves: ReadonlyMap<string, ModelMove>,
  current: readonly CurrentModel[],
  families: readonly CurrentFamily[],
  pages: ReadonlySet<string>,
): Map<string, string> => {
  const modelById = new Map(current.map((m) => [m.id, m]));
  const familyById = new Map(families.map((f) => [f.id, f]));
  const votes = new Map<string, Map<string, number>>();
  for (const old of oldModels) {
    if (old.family === undefined || pages.has(old.family)) continue;
    const now = modelById.has(old.id) ? old.id : moves.get(old.id)?.to;
    const family = now === undefined ? undefined : familyOf(now, modelById);
    const v = votes.get(old.family) ?? new Map<string, number>();
    if (family !== undefined && pages.has(family)) v.set(family, (v.get(family) ?? 0) + 1);
    votes.set(old.family, v);
  }
  const out = new Map<string, string>();
  for (const [slug, v] of [...votes].sort(([a], [b]) => cmp(a, b))) {
    const top = Math.max(0, ...v.values());
    const tied = [...v].filter(([, n]) => n === top && n > 0).map(([f]) => f);
    if (tied.length === 0) continue;
    const common = lineage(tied[0]!, familyById).find((f) => tied.every((t) => lineage(t, familyById).includes(f)));
    out.set(slug, common !== undefined && pages.has(common) ? common : tied.sort(cmp)[0]!);
  }
  return out;
};

/** A page a gone family slug falls back to. */
export interface PageRef {
  kind: 'model' | 'organization';
  id: string;
}

/**
 * Old family slug → its one model's page, or the page of the organization making most of its
 * models, for every old slug that is not a family page (`pages`) and has no family target (`done`).
 */
export const familyFallbacks = (
  oldModels: readonly OldModel[],
  moves: ReadonlyMap<string, ModelMove>,
  current: readonly CurrentModel[],
  pages: ReadonlySet<string>,
  done: ReadonlySet<string>,
): Map<string, PageRef> => {
  const ids = new Set(current.map((m) => m.id));
  const held = new Map<string, Set<string>>();
  for (const old of oldModels) {
    if (old.family === undefined || pages.has(old.family) || done.has(old.family)) continue;
    const now = ids.has(old.id) ? old.id : moves.get(old.id)?.to;
    const set = held.get(old.family) ?? new Set<string>();
    if (now !== undefined) set.add(now);
    held.set(old.family, set);
  }
  const out = new Map<string, PageRef>();
  for (const [slug, models] of [...held].sort(([a], [b]) => cmp(a, b))) {
    if (models.size === 1) out.set(slug, { kind: 'model', id: [...models][0]! });
    else if (models.size > 1) {
      const orgs = new Map<string, number>();
      for (const m of models) orgs.set(orgOf(m), (orgs.get(orgOf(m)) ?? 0) + 1);
      out.set(slug, { kind: 'organization', id: mostVoted(orgs)! });
    }
  }
  return out;
};

/** The committed map: old page path → new page path, sorted by old path. */
export const redirectMap = (
  models: ReadonlyMap<string, ModelMove>,
  families: ReadonlyMap<string, string>,
  fallbacks: ReadonlyMap<string, PageRef>,
  paths: { model: (id: string) => string; family: (id: string) => string; organization: (id: string) => string },
): Record<string, string> =>
  Object.fromEntries(
    [
      ...[...models].map(([from, m]) => [paths.model(from), paths.model(m.to)] as const),
      ...[...families].map(([from, to]) => [paths.family(from), paths.family(to)] as const),
      ...[...fallbacks].map(([from, to]) => [paths.family(from), paths[to.kind](to.id)] as const),
    ].sort(([a], [b]) => cmp(a, b)),
  );
