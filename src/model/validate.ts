/**
 * The validator: strict YAML → schema → cross-record rules, over every file under data/.
 * Pure: it takes file contents and returns every problem found (never stops at the first),
 * plus the parsed records when there are none.
 */
import { countries } from 'countries-list';
import {
  ID_SEGMENT,
  KINDS,
  type Family,
  type Kind,
  type Model,
  type Offering,
  type Organization,
  type Provider,
} from './schema.ts';
import { fieldPath, formatProblem, locate, parseYaml, type ParsedYaml, type Problem } from './yaml-source.ts';
import { checkLifecycleDates, checkMeasuredAt, checkPlausibility, checkValues } from './policies.ts';

export { formatProblem, type Problem };

export interface DataFile {
  /** Path shown in messages, e.g. "data/providers/groq.yaml". */
  display: string;
  /** Path relative to the data folder, with "/" separators, e.g. "providers/groq.yaml". */
  rel: string;
  bytes: Uint8Array;
}

export type WithId<T> = T & { id: string };
export interface Records {
  organizations: WithId<Organization>[];
  families: WithId<Family>[];
  models: WithId<Model>[];
  providers: WithId<Provider>[];
  offerings: WithId<Offering>[];
}

interface Loaded<T> {
  id: string;
  src: ParsedYaml;
  data: T;
}

const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** Normalized form of a model name or alias, used to catch two models claiming the same one. */
export const normalizeAlias = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');

const at = (src: ParsedYaml, path: PropertyKey[], message: string, opts?: { key?: boolean }): Problem => ({
  file: src.file,
  ...locate(src, path, opts),
  field: fieldPath(path),
  message,
});

export interface ValidateOptions {
  /** The day of the run, YYYY-MM-DD (default: today, UTC): no performance sample may be dated later (nor after the data's date). */
  today?: string;
}

/** Validates a whole data folder. `files` is every file found under it (any extension). */
export const validateFiles = (files: DataFile[], opts: ValidateOptions = {}): { problems: Problem[]; records?: Records } => {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  const loaded: { [K in Kind]: Loaded<Records[K][number]>[] } = {
    organizations: [],
    families: [],
    models: [],
    providers: [],
    offerings: [],
  };
  const yamlCount = { n: 0 };
  /** Ids of records whose file exists but has problems: references to them are not "unknown". */
  const broken: { [K in Kind]: Set<string> } = {
    organizations: new Set(),
    families: new Set(),
    models: new Set(),
    providers: new Set(),
    offerings: new Set(),
  };

  for (const f of [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    const parts = f.rel.split('/');
    const base = parts[parts.length - 1]!;
    if (parts.length === 1) {
      if (!/^README(\.md)?$/i.test(base))
        problems.push(
          fileLevel(
            f.display,
            'Unexpected file at the top of data/; records go in organizations/, families/, models/, providers/ or offerings/',
          ),
        );
      continue;
    }
    if (base.startsWith('_') || base.startsWith('.')) continue;
    const kind = parts[0] as Kind;
    if (!KIND_NAMES.includes(kind)) {
      problems.push(fileLevel(f.display, `Unknown folder "${parts[0]}"; expected one of ${KIND_NAMES.join(', ')}`));
      continue;
    }
    if (!base.endsWith('.yaml')) {
      problems.push(fileLevel(f.display, base.endsWith('.yml') ? 'Use the .yaml extension' : 'Only .yaml records belong here'));
      continue;
    }
    yamlCount.n++;
    const idParts = [...parts.slice(1, -1), base.slice(0, -'.yaml'.length)];
    const id = idParts.join('/');
    const depth = KINDS[kind].depth;
    const badSeg = idParts.find((s) => !ID_SEGMENT.test(s));
    if (badSeg !== undefined) {
      problems.push(
        fileLevel(
          f.display,
          `"${badSeg}" is not a valid id segment: use lowercase a-z, 0-9, "." and "-", starting with a letter or digit`,
        ),
      );
      continue;
    }
    if (depth > 0 && idParts.length !== depth) {
      problems.push(
        fileLevel(
          f.display,
          depth === 1 ? `Put ${kind} directly in data/${kind}/` : `Put models at data/models/<organization>/<model>.yaml`,
        ),
      );
      continue;
    }
    if (kind === 'offerings' && idParts.length < 2) {
      problems.push(fileLevel(f.display, 'Put offerings at data/offerings/<provider>/<creator>/<model>.yaml'));
      continue;
    }
    const parsed = parseYaml(f.display, f.bytes);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      broken[kind].add(id);
      continue;
    }
    const src = parsed.value;
    // Refused tags and the policies on every value are reported with the schema's problems.
    const early = [...src.problems, ...checkValues(src)];
    problems.push(...early);
    const result = KINDS[kind].schema.safeParse(src.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path as PropertyKey[];
        if (src.refused.some((r) => r.length <= path.length && r.every((seg, i) => path[i] === seg))) continue;
        if (issue.code === 'unrecognized_keys') {
          for (const k of issue.keys)
            problems.push(at(src, [...path, k], `Unknown field "${k}"${suggest(k, kind, path)}`, { key: true }));
        } else if (issue.code === 'invalid_key') {
          // A record key (e.g. a mode name) that fails its own schema: report that schema's message.
          problems.push(at(src, path, issue.issues[0]?.message ?? issue.message));
        } else {
          problems.push(at(src, path, issue.message));
        }
      }
      broken[kind].add(id);
      continue;
    }
    const data = result.data as { id?: string };
    if (data.id !== undefined && data.id !== id) {
      problems.push(at(src, ['id'], `id "${data.id}" does not match the file path; expected "${id}"`));
      broken[kind].add(id);
      continue;
    }
    const implausible = kind === 'offerings' ? checkPlausibility(src, data as Offering) : [];
    problems.push(...implausible);
    if (early.length || implausible.length) {
      broken[kind].add(id);
      continue;
    }
    (loaded[kind] as Loaded<unknown>[]).push({ id, src, data: { ...data, id } });
  }

  if (yamlCount.n === 0)
    problems.push({
      file: 'data/',
      line: 1,
      column: 1,
      field: '(file)',
      message: 'No records found: data/ must hold organizations, models, providers and offerings',
    });
  problems.push(...crossCheck(loaded, broken), ...checkDates(loaded, today));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  // One value can fail two checks with the same message (e.g. a javascript: URL: host and protocol).
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(formatProblem(p)) && !!seen.add(formatProblem(p)));
  if (unique.length) return { problems: unique };
  const records = Object.fromEntries(KIND_NAMES.map((k) => [k, loaded[k].map((l) => l.data)])) as unknown as Records;
  return { problems, records };
};

const fileLevel = (file: string, message: string): Problem => ({ file, line: 1, column: 1, field: '(file)', message });

type SchemaDef = { type?: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown; valueType?: unknown };
const defOf = (schema: unknown) => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/** Field names of the object schema found at `path` inside a kind's schema (optional/default/array/record unwrapped). */
const fieldsAt = (kind: Kind, path: readonly PropertyKey[]): string[] => {
  const unwrap = (s: unknown) => {
    while (defOf(s)?.innerType) s = defOf(s)!.innerType;
    return s;
  };
  let schema = unwrap(KINDS[kind].schema);
  for (const seg of path) {
    const def = defOf(schema);
    if (typeof seg === 'number') schema = def?.element;
    else if (def?.type === 'record') schema = def.valueType;
    else schema = def?.shape?.[String(seg)];
    schema = unwrap(schema);
  }
  return Object.keys(defOf(schema)?.shape ?? {});
};

/** "did you mean …" for a misspelt field: the nearest name at the same level. */
const suggest = (key: string, kind: Kind, path: readonly PropertyKey[] = []) => {
  const near = fieldsAt(kind, path)
    .map((f) => ({ f, d: editDistance(f, key) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)[0]?.f;
  return near ? `; did you mean "${near}"?` : '';
};

const editDistance = (a: string, b: string) => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
};

/** Rules that need more than one record. */
const crossCheck = (l: { [K in Kind]: Loaded<Records[K][number]>[] }, broken: { [K in Kind]: Set<string> }): Problem[] => {
  const out: Problem[] = [];
  const orgs = new Set([...l.organizations.map((o) => o.id), ...broken.organizations]);
  const models = new Map(l.models.map((m) => [m.id, m]));
  const providers = new Map(l.providers.map((p) => [p.id, p]));
  /** The record exists (possibly with problems of its own, already reported). */
  const hasModel = (id: string) => models.has(id) || broken.models.has(id);
  const hasProvider = (id: string) => providers.has(id) || broken.providers.has(id);

  const aliasOwner = new Map<string, string>();
  for (const m of l.models) aliasOwner.set(normalizeAlias(m.id), m.id);
  for (const m of l.models) {
    const org = m.id.split('/')[0]!;
    if (m.data.organization !== org)
      out.push(
        at(m.src, ['organization'], `organization "${m.data.organization}" does not match the folder data/models/${org}/`),
      );
    else if (!orgs.has(org))
      out.push(at(m.src, ['organization'], `Unknown organization "${org}": add data/organizations/${org}.yaml`));
    if (m.data.successor !== undefined && !hasModel(m.data.successor))
      out.push(at(m.src, ['successor'], `Unknown model "${m.data.successor}"`));
    if (m.data.successor === m.id) out.push(at(m.src, ['successor'], 'A model cannot succeed itself'));
    const own = new Set<string>();
    (m.data.aliases ?? []).forEach((a, i) => {
      const key = normalizeAlias(a);
      const owner = aliasOwner.get(key);
      if (own.has(key)) out.push(at(m.src, ['aliases', i], `Alias "${a}" is listed twice`));
      else if (owner !== undefined && owner !== m.id)
        out.push(at(m.src, ['aliases', i], `Alias "${a}" already names model "${owner}"`));
      else aliasOwner.set(key, m.id);
      own.add(key);
    });
  }
  // Successor chains must end: a → b → a is a loop.
  for (const m of l.models) {
    const seen = new Set([m.id]);
    for (let next = m.data.successor; next !== undefined && next !== m.id; next = models.get(next)?.data.successor) {
      if (seen.has(next)) break;
      seen.add(next);
      if (models.get(next)?.data.successor === m.id) {
        out.push(at(m.src, ['successor'], `Successor loop: ${[...seen, m.id].join(' → ')}`));
        break;
      }
    }
  }
  const families = new Map(l.families.map((f) => [f.id, f]));
  for (const f of l.families) {
    if (f.data.organization !== undefined && !orgs.has(f.data.organization))
      out.push(at(f.src, ['organization'], `Unknown organization "${f.data.organization}"`));
    if (f.data.parent === undefined) continue;
    if (f.data.parent === f.id) out.push(at(f.src, ['parent'], 'A family cannot be its own parent'));
    else if (!families.has(f.data.parent) && !broken.families.has(f.data.parent))
      out.push(at(f.src, ['parent'], `Unknown family "${f.data.parent}": add data/families/${f.data.parent}.yaml`));
    else {
      const seen = new Set([f.id]);
      for (let up: string | undefined = f.data.parent; up !== undefined; up = families.get(up)?.data.parent) {
        if (seen.has(up)) {
          out.push(at(f.src, ['parent'], `Family loop: ${[...seen, up].join(' → ')}`));
          break;
        }
        seen.add(up);
      }
    }
  }
  for (const m of l.models) {
    if (m.data.base_model !== undefined && m.data.base_model !== m.id && !hasModel(m.data.base_model))
      out.push(at(m.src, ['base_model'], `Unknown model "${m.data.base_model}"`));
    // A model's family names a curated family record (no slug families invented on the fly).
    if (m.data.family !== undefined && !families.has(m.data.family) && !broken.families.has(m.data.family))
      out.push(at(m.src, ['family'], `Unknown family "${m.data.family}": add data/families/${m.data.family}.yaml`));
  }
  for (const p of l.providers) {
    if (p.data.organization !== undefined && !orgs.has(p.data.organization))
      out.push(at(p.src, ['organization'], `Unknown organization "${p.data.organization}"`));
    (p.data.platform?.upstreams ?? []).forEach((u, i) => {
      if (u === p.id) out.push(at(p.src, ['platform', 'upstreams', i], 'A provider cannot route to itself'));
      else if (!hasProvider(u)) out.push(at(p.src, ['platform', 'upstreams', i], `Unknown provider "${u}"`));
    });
    (p.data.regions ?? []).forEach((r, i) => {
      if (!(r.country in countries))
        out.push(at(p.src, ['regions', i, 'country'], `"${r.country}" is not an ISO 3166-1 alpha-2 country code`));
    });
    out.push(
      ...duplicatesIn(p.src, ['compliance'], p.data.compliance),
      ...duplicatesIn(p.src, ['platform', 'upstreams'], p.data.platform?.upstreams),
    );
  }
  const providerModelIds = new Map<string, string>();
  for (const o of l.offerings) {
    const folder = o.id.split('/')[0]!;
    const provider = providers.get(o.data.provider);
    if (o.data.provider !== folder)
      out.push(at(o.src, ['provider'], `provider "${o.data.provider}" does not match the folder data/offerings/${folder}/`));
    else if (!hasProvider(o.data.provider))
      out.push(at(o.src, ['provider'], `Unknown provider "${o.data.provider}": add data/providers/${o.data.provider}.yaml`));
    const dupKey = `${o.data.provider}\u0000${o.data.provider_model_id}`;
    const dup = providerModelIds.get(dupKey);
    if (dup !== undefined)
      out.push(at(o.src, ['provider_model_id'], `"${o.data.provider_model_id}" is already offered by ${dup}`));
    else providerModelIds.set(dupKey, o.id);
    const model = o.data.model === undefined ? undefined : models.get(o.data.model);
    if (o.data.model !== undefined && !hasModel(o.data.model))
      out.push(at(o.src, ['model'], `Unknown model "${o.data.model}": add data/models/${o.data.model}.yaml`));
    out.push(...duplicatesIn(o.src, ['regions'], o.data.regions), ...duplicatesIn(o.src, ['endpoints'], o.data.endpoints));
    if (o.data.deprecation_date && o.data.retirement_date && o.data.retirement_date < o.data.deprecation_date)
      out.push(at(o.src, ['retirement_date'], 'retirement_date must not come before deprecation_date'));
    if (provider) {
      const regionIds = new Set((provider.data.regions ?? []).map((r) => r.id));
      const profileIds = new Set((provider.data.residency?.profiles ?? []).map((r) => r.id));
      const geos = new Set((provider.data.residency?.options ?? []).map((r) => r.geography));
      const file = `data/providers/${provider.id}.yaml`;
      (o.data.regions ?? []).forEach((r, i) => {
        if (!regionIds.has(r)) out.push(at(o.src, ['regions', i], `Region "${r}" is not listed in ${file} regions`));
      });
      out.push(...duplicatesIn(o.src, ['profiles'], o.data.profiles), ...duplicatesIn(o.src, ['residency'], o.data.residency));
      (o.data.profiles ?? []).forEach((r, i) => {
        if (!profileIds.has(r))
          out.push(at(o.src, ['profiles', i], `Inference profile "${r}" is not listed in ${file} residency.profiles`));
      });
      (o.data.residency ?? []).forEach((g, i) => {
        if (!geos.has(g)) out.push(at(o.src, ['residency', i], `Residency "${g}" is not an option in ${file} residency.options`));
      });
      const claimed = new Set<string>();
      (o.data.regional_pricing ?? []).forEach((rp, i) =>
        rp.where.forEach((w, j) => {
          const path = ['regional_pricing', i, 'where', j];
          const known = w.startsWith('residency:')
            ? geos.has(w.slice('residency:'.length) as never)
            : regionIds.has(w) || profileIds.has(w);
          if (!known)
            out.push(
              at(
                o.src,
                path,
                `"${w}" is neither a region, an inference profile nor a residency option ("residency:<geography>") of ${file}`,
              ),
            );
          else if (claimed.has(w)) out.push(at(o.src, path, `"${w}" has two regional prices: keep one`));
          claimed.add(w);
        }),
      );
    }
    if (model && o.data.limits) {
      const checks = [
        ['context_window', model.data.context_window],
        ['max_input_tokens', model.data.max_input_tokens],
        ['max_output_tokens', model.data.max_output_tokens],
      ] as const;
      for (const [field, cap] of checks) {
        const v = o.data.limits[field];
        if (v !== undefined && cap !== undefined && v > cap)
          out.push(at(o.src, ['limits', field], `${v} exceeds the model's ${field} of ${cap}`));
      }
    }
  }
  return out;
};

/**
 * Dates against the data's own date, the newest last_verified of any provider or offering (as
 * the site computes it): lifecycle dates too far ahead, performance samples from the future.
 */
const checkDates = (l: { [K in Kind]: Loaded<Records[K][number]>[] }, today: string): Problem[] => {
  let dataDate: string | undefined;
  for (const r of [...l.providers, ...l.offerings])
    if (r.data.last_verified && (!dataDate || r.data.last_verified > dataDate)) dataDate = r.data.last_verified;
  return [
    ...l.models.flatMap((m) => checkLifecycleDates(m.src, m.data, dataDate)),
    ...l.offerings.flatMap((o) => [
      ...checkLifecycleDates(o.src, o.data, dataDate),
      ...checkMeasuredAt(o.src, o.data, dataDate, today),
    ]),
  ];
};

/** A problem for each repeated entry of a list. */
const duplicatesIn = (src: ParsedYaml, path: PropertyKey[], list: readonly string[] | undefined): Problem[] => {
  const seen = new Set<string>();
  const out: Problem[] = [];
  (list ?? []).forEach((v, i) => {
    if (seen.has(v)) out.push(at(src, [...path, i], `"${v}" is listed twice`));
    seen.add(v);
  });
  return out;
};

/** Every problem as printed lines, and a summary line. */
export const report = (problems: Problem[]) => [
  ...problems.map(formatProblem),
  `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} file${new Set(problems.map((p) => p.file)).size === 1 ? '' : 's'}`,
];
