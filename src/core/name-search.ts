/**
 * Instant search in the header box: the compact name index (/search/names.json, built by
 * src/views/search-names.ts) and the rules that rank its entries for what the user typed.
 * Browser-safe and pure. uFuzzy finds the candidates (one insertion, deletion, substitution or
 * transposition per word); these rules order them:
 *
 * 1. tier: matches as typed first — the query equals a name, id or alias (case and punctuation
 *    ignored: "gpt4o" = "GPT-4o") › starts one › each query word starts a word of one, in order
 *    ("bedrock" in "Amazon Bedrock"); then typo-tolerant matches, fewer typos first (edits per word,
 *    plus one for a word found inside another: "sone" in "reasoner"), then by the tier of the
 *    whole words they touched ("lama 3.3" reads "llama 3.3", a prefix);
 * 2. within a tier, a match on the name or id before one on an alias only;
 * 3. among equal names, the kind: provider, creator, model, family ("anthropic": the provider first);
 * 4. then the more used entry (providers serving a model; models of a provider, creator or family),
 *    so the base model comes before a one-provider fine-tune of the same name;
 * 5. then uFuzzy's own order, the kind, the name, so the order is stable.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import { familyPath, modelPath, organizationPath, providerPath } from './urls.ts';

export const NAME_KINDS = ['provider', 'organization', 'family', 'model'] as const;
export type NameKind = (typeof NAME_KINDS)[number];
export const NAME_KIND_LABEL: Record<NameKind, string> = {
  provider: 'Provider',
  organization: 'Creator',
  family: 'Family',
  model: 'Model',
};

/**
 * One entry on the wire: [id, name, weight, ...more keys]. The weight is how much the entry is
 * used (see above); more keys are other ids and aliases, only those that differ from the name and
 * id once punctuation and case are ignored.
 */
export type WireEntry = [id: string, name: string, weight: number, ...keys: string[]];
/** /search/names.json: entries per kind ("p" providers, "o" creators, "f" families, "m" models). */
export interface NameIndexWire {
  p: WireEntry[];
  o: WireEntry[];
  f: WireEntry[];
  m: WireEntry[];
}
const WIRE_KEY: Record<NameKind, keyof NameIndexWire> = { provider: 'p', organization: 'o', family: 'f', model: 'm' };

export interface NameEntry {
  kind: NameKind;
  id: string;
  name: string;
  href: string;
  weight: number;
  /** Name, id, then aliases. */
  keys: string[];
  /** A model's creator (the organization its id starts with). */
  creator?: string | undefined;
}

const HREF: Record<NameKind, (id: string) => string> = {
  provider: (id) => providerPath(id),
  organization: organizationPath,
  family: familyPath,
  model: modelPath,
};

/** Lower case, letters and digits only: "GPT-4o" and "gpt4o" are the same key. */
export const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
/** Lower case, with runs of punctuation as one space: "meta-llama/Llama-3.3" → "meta llama llama 3.3". */
export const spaced = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+|\.(?![0-9])|(?<![0-9])\./g, ' ')
    .trim();

/** The keys of one entry worth sending: those whose squashed form is new (name and id always kept). */
export const distinctKeys = (name: string, id: string, more: string[]): string[] => {
  const seen = new Set([squash(name), squash(id)]);
  const out: string[] = [];
  for (const k of more) {
    const s = squash(k);
    if (!s || seen.has(s)) continue;
    seen.add(s);
    out.push(k);
  }
  return out;
};

/** The wire index back as entries, each with its link (and, for a model, its creator's name). */
export const readNameIndex = (wire: NameIndexWire): NameEntry[] => {
  const orgs = new Map(wire.o.map(([id, name]) => [id, name]));
  return NAME_KINDS.flatMap((kind) =>
    wire[WIRE_KEY[kind]].map(([id, name, weight, ...more]) => ({
      kind,
      id,
      name,
      weight,
      href: HREF[kind](id),
      // A family also answers to "<name> family", as its page is titled.
      keys: kind === 'family' ? [name, id, ...more, `${name} family`] : [name, id, ...more],
      ...(kind === 'model' ? { creator: orgs.get(id.split('/')[0]!) } : {}),
    })),
  );
};

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The line under a result: kind, creator, how many models or providers, and the id or alias that matched. */
export const hitFacts = (hit: NameHit): string => {
  const e = hit.entry;
  const parts: string[] = [NAME_KIND_LABEL[e.kind]];
  if (e.creator) parts.push(e.creator);
  if (e.kind === 'model') {
    if (e.weight > 0) parts.push(count(e.weight, 'provider'));
  } else parts.push(count(e.weight, 'model'));
  if (!hit.byName) parts.push(hit.key);
  return parts.join(' · ');
};

/** The live count: "No match", "1 match", "12 matches, 8 shown". */
export const hitCount = (total: number, shown: number): string =>
  total === 0 ? 'No match' : `${total} ${total === 1 ? 'match' : 'matches'}${shown < total ? `, ${shown} shown` : ''}`;

export interface NameHit {
  entry: NameEntry;
  /** The key that matched: the name, or the id or alias the query found. */
  key: string;
  /** Whether the key is the name itself. */
  byName: boolean;
}

/** How the query matches a key: 0 equal, 1 prefix, 2 every query word starts a word of the key, 3 fuzzy. */
export const matchTier = (q: string, key: string): 0 | 1 | 2 | 3 =>
  tierOf(squash(q), spaced(q).split(' ').filter(Boolean), squash(key), spaced(key).split(' '));

/** matchTier on forms computed once: the query and key squashed, their words (in order). */
const tierOf = (q: string, terms: string[], key: string, words: string[]): 0 | 1 | 2 | 3 => {
  if (!q) return 3;
  if (q === key) return 0;
  if (key.startsWith(q)) return 1;
  let at = 0;
  for (const t of terms) {
    while (at < words.length && !words[at]!.startsWith(t)) at++;
    if (at === words.length) return 3;
    at++;
  }
  return 2;
};

/**
 * The tier (as matchTier) of the words that the range [from, to) of `s` touches: "lama 3.3" matched
 * inside "llama 3.3 70b" reads as "llama 3.3", a prefix (1); the whole of `s` is 0, elsewhere 2.
 */
export const spanTier = (s: string, from: number, to: number): 0 | 1 | 2 => {
  const word = /[a-z0-9.']/;
  while (from > 0 && word.test(s[from - 1]!)) from--;
  while (to < s.length && word.test(s[to]!)) to++;
  return from > 0 ? 2 : to < s.length ? 1 : 0;
};

/** Edits (insert, delete, substitute, swap two neighbours) from a to b. */
export const editDistance = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
};

/**
 * How far a fuzzy match is from what was typed: the edits from each query term to the text it
 * matched, plus one for each term matched inside a word rather than at its start ("sone" in "reasoner").
 */
export const typos = (terms: string[], hay: string, ranges: number[]): number => {
  if (ranges.length !== terms.length * 2) return 2;
  let n = 0;
  terms.forEach((t, i) => {
    const from = ranges[2 * i]!;
    n += editDistance(t, hay.slice(from, ranges[2 * i + 1])) + (from > 0 && /[a-z0-9]/.test(hay[from - 1]!) ? 1 : 0);
  });
  return n;
};

/** Queries shorter than this (squashed) match by prefix only. */
const SHORT = 3;

const KIND_ORDER: Record<NameKind, number> = { provider: 0, organization: 1, model: 2, family: 3 };

/** A searcher over one index: call it with a query, get the best `limit` entries, best first. */
export const nameSearcher = (entries: NameEntry[]) => {
  const hay: string[] = [];
  const owner: number[] = [];
  const keyAt: number[] = [];
  /** Its key squashed, and the key's words (for tierOf). */
  const keySq: string[] = [];
  const keyWords: string[][] = [];
  // Each key as words ("gpt 4o"); a query typed without them ("gpt4o") matches the squashed key (tierOf).
  entries.forEach((e, i) =>
    e.keys.forEach((k, j) => {
      const words = spaced(k);
      hay.push(words);
      keySq.push(squash(k));
      keyWords.push(words.split(' '));
      owner.push(i);
      keyAt.push(j);
    }),
  );
  const uf = new uFuzzy({
    intraMode: 1,
    intraIns: 1,
    intraSub: 1,
    intraTrn: 1,
    intraDel: 1,
    interSplit: "[^a-z\\d.']+",
    intraChars: "[a-z\\d.']",
  });
  /** The ranked hits, their number, and the tier of the best (Infinity for none). */
  const run = (query: string, limit: number): { hits: NameHit[]; total: number; best: number } => {
    const q = spaced(query);
    const sq = squash(q);
    if (!sq) return { hits: [], total: 0, best: Infinity };
    const qWords = q.split(' ');
    // One or two characters: prefixes only (a typo in them means nothing); longer, uFuzzy too.
    const [idxs, info, order] = sq.length < SHORT ? [null, null, null] : uf.search(hay, q, 0, 2000);
    const terms = uf.split(q);
    // Fuzzy rank of each haystack string (uFuzzy's order); without info (too many), the haystack order.
    const fuzzyRank = new Map<number, number>();
    // What a typo-tolerant match read in the key ("lama" → "llama"): its tier as if typed so.
    const readAs = new Map<number, number>();
    if (info && order)
      order.forEach((o, r) => {
        const h = info.idx[o]!;
        fuzzyRank.set(h, r);
        const rg = info.ranges[o]!;
        if (rg.length) readAs.set(h, 3 * typos(terms, hay[h]!, rg) + spanTier(hay[h]!, rg[0]!, rg[rg.length - 1]!));
      });
    else (idxs ?? []).forEach((h, r) => fuzzyRank.set(h, r));
    const best = new Map<number, Match>();
    const consider = (h: number, fuzzy: number) => {
      const i = owner[h]!;
      const key = keyAt[h]!;
      const exact = tierOf(sq, qWords, keySq[h]!, keyWords[h]!);
      // Typo-tolerant matches rank after every match as typed, then as what they read.
      const tier = exact < 3 ? exact : 3 + (readAs.get(h) ?? 9);
      const cand = { tier, alias: key >= 2 ? 1 : 0, fuzzy, key };
      const cur = best.get(i);
      if (!cur || cmpMatch(cand, cur) < 0) best.set(i, cand);
    };
    for (const [h, r] of fuzzyRank) consider(h, r);
    // Also every key the query starts or whose words it starts ("gpt4o" finds "GPT-4o mini", which words alone miss).
    for (let h = 0; h < hay.length; h++)
      if (!fuzzyRank.has(h) && tierOf(sq, qWords, keySq[h]!, keyWords[h]!) < 3) consider(h, hay.length + h);
    const ranked = [...best.entries()].sort(([ia, a], [ib, b]) => {
      const ea = entries[ia]!;
      const eb = entries[ib]!;
      return (
        a.tier - b.tier ||
        a.alias - b.alias ||
        (a.tier === 0 ? KIND_ORDER[ea.kind] - KIND_ORDER[eb.kind] : 0) ||
        eb.weight - ea.weight ||
        a.fuzzy - b.fuzzy ||
        KIND_ORDER[ea.kind] - KIND_ORDER[eb.kind] ||
        ea.name.localeCompare(eb.name, 'en')
      );
    });
    return {
      total: ranked.length,
      best: ranked[0]?.[1].tier ?? Infinity,
      hits: ranked.slice(0, limit).map(([i, m]) => ({ entry: entries[i]!, key: entries[i]!.keys[m.key]!, byName: m.key === 0 })),
    };
  };
  // Two other readings: a pasted API id with a path the index does not hold ("meta-llama/Llama-3.3-70B-Instruct")
  // by its last segment, when the whole finds nothing; words run together ("gtp4o") apart ("gtp 4o"), when
  // that ranks a better match first (typos are tolerated within words, not across them).
  return (query: string, limit = 8): { hits: NameHit[]; total: number } => {
    let found = run(query, limit);
    const last = query.trim().split('/').pop()!;
    if (!found.total && last !== query.trim()) found = run(last, limit);
    const apart = last.replace(/([a-z])(?=[0-9])/gi, '$1 ');
    if (found.best > 0 && apart !== last) {
      const other = run(apart, limit);
      if (other.best < found.best) found = other;
    }
    return { hits: found.hits, total: found.total };
  };
};

interface Match {
  /** 0–2 as typed (see matchTier); a fuzzy match 3 + 3 × its typos + the tier of the words it matched. */
  tier: number;
  /** 1 when the key is an alias, not the name or id. */
  alias: number;
  /** Rank in uFuzzy's order. */
  fuzzy: number;
  /** Index of the key in the entry's keys. */
  key: number;
}
/** The better of two matches of one entry: tier, then name › id › alias, then uFuzzy's order. */
const cmpMatch = (a: Match, b: Match) => a.tier - b.tier || Math.min(a.key, 2) - Math.min(b.key, 2) || a.fuzzy - b.fuzzy;
