/**
 * The scheduled probe's configuration (probe.config.yaml): the region labels the workflow runs
 * from, default probe settings, and the offerings to measure. Read strictly (src/model/yaml-source.ts),
 * checked with zod and against the data folder (the offering exists, is not retired, and its
 * provider has an API record the probe can call); every problem as `file:line:col field: message`.
 * Then `planRun` decides, for one region and environment, which offerings are probed and which are
 * skipped (and why). Pure: the file's bytes, the records and the environment come in.
 */
import { z } from 'astro/zod';
import { fieldPath, locate, parseYaml, type ParsedYaml, type Problem } from '../../src/model/yaml-source.ts';
import type { Records } from '../../src/model/validate.ts';

/** A region label: what the sample's `region` says and what the workflow's runners are labelled with. */
const Label = z.string({ error: 'Expected a region label such as "eu-west"' }).regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
  error: 'Expected a region label: lowercase a-z, 0-9 and "-" (e.g. "eu-west"), at most 40 characters',
});

const settings = {
  /** Requests per prompt profile; all must succeed for a sample to be written. */
  n: z.int({ error: 'Expected a whole number of requests' }).min(1).max(50).optional(),
  profile: z.enum(['short', 'long', 'both']).optional(),
  max_tokens: z.int({ error: 'Expected a whole number of tokens' }).min(2).max(4096).optional(),
  timeout_ms: z.int({ error: 'Expected a whole number of milliseconds' }).min(1).max(600_000).optional(),
};

export const ProbeConfigSchema = z.strictObject({
  /** Every region label a run may use (one workflow matrix entry each). */
  regions: z.array(Label).min(1, { error: 'List at least one region label' }),
  defaults: z.strictObject(settings).optional(),
  offerings: z
    .array(
      z.strictObject({
        /** Offering id, as in data/offerings/<id>.yaml. */
        id: z.string({ error: 'Expected an offering id such as "groq/meta/llama-3.3-70b"' }).min(1),
        /** Probe only from these regions (default: every region of the file). */
        regions: z.array(Label).min(1).optional(),
        ...settings,
      }),
    )
    .min(1, { error: 'List at least one offering' }),
});
export type ProbeConfig = z.infer<typeof ProbeConfigSchema>;

export const DEFAULTS = { n: 5, profile: 'both', max_tokens: 200, timeout_ms: 60_000 } as const;

export type ConfigResult = { ok: true; config: ProbeConfig; src: ParsedYaml } | { ok: false; problems: Problem[] };

/** Reads and checks the configuration against the data's records. `file` is the path shown in messages. */
export const readConfig = (file: string, bytes: Uint8Array, records: Records): ConfigResult => {
  const parsed = parseYaml(file, bytes);
  if (!parsed.ok) return parsed;
  const src = parsed.value;
  const at = (path: PropertyKey[], message: string, opts?: { key?: boolean }): Problem => ({
    file,
    ...locate(src, path, opts),
    field: fieldPath(path),
    message,
  });
  const result = ProbeConfigSchema.safeParse(src.data);
  // Tags outside the YAML core schema are refused with the other problems (src/model/yaml-source.ts).
  if (src.problems.length && result.success) return { ok: false, problems: src.problems };
  if (!result.success)
    return {
      ok: false,
      problems: [
        ...src.problems,
        ...result.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((k) => at([...(issue.path as PropertyKey[]), k], `Unknown field "${k}"`, { key: true }))
            : [at(issue.path as PropertyKey[], issue.message)],
        ),
      ],
    };
  const config = result.data;
  const problems: Problem[] = [];
  const twice = (list: readonly string[], path: PropertyKey[], what: string) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v)) problems.push(at([...path, i], `${what} "${v}" is listed twice`));
      seen.add(v);
    });
  };
  twice(config.regions, ['regions'], 'Region');
  twice(
    config.offerings.map((o) => o.id),
    ['offerings'],
    'Offering',
  );
  const offerings = new Map(records.offerings.map((o) => [o.id, o]));
  const providers = new Map(records.providers.map((p) => [p.id, p]));
  config.offerings.forEach((entry, i) => {
    const path = ['offerings', i];
    (entry.regions ?? []).forEach((r, k) => {
      if (!config.regions.includes(r))
        problems.push(at([...path, 'regions', k], `Region "${r}" is not in the file's regions (${config.regions.join(', ')})`));
    });
    const offering = offerings.get(entry.id);
    if (!offering) {
      problems.push(at([...path, 'id'], `No offering "${entry.id}" in the data (data/offerings/${entry.id}.yaml)`));
      return;
    }
    if (offering.status === 'retired') problems.push(at([...path, 'id'], `Offering "${entry.id}" is retired; remove it`));
    const api = providers.get(offering.provider)?.api;
    const why = !api
      ? 'has no api record'
      : !api.base_url
        ? 'has no api.base_url'
        : !api.openai_compatible && !api.anthropic_compatible
          ? 'is neither OpenAI- nor Anthropic-compatible'
          : !api.env?.length
            ? 'names no api.env variable for the key'
            : undefined;
    if (why) problems.push(at([...path, 'id'], `Provider "${offering.provider}" ${why}, so "${entry.id}" cannot be probed`));
  });
  return problems.length ? { ok: false, problems } : { ok: true, config, src };
};

/** Line and column of the configuration's `regions` list, for messages about the region label. */
export const regionsAt = (src: ParsedYaml) => locate(src, ['regions']);

export interface PlannedProbe {
  id: string;
  /** The key variable that is set (its name only). */
  keyVar: string;
  n: number;
  profile: 'short' | 'long' | 'both';
  maxTokens: number;
  timeoutMs: number;
}
export interface Skipped {
  id: string;
  reason: string;
}

/**
 * What a run from `region` does: the offerings to probe, with their settings, and those skipped
 * because they are limited to other regions or because none of their provider's key variables
 * is set in `env` (only names are reported, never values).
 */
export const planRun = (
  config: ProbeConfig,
  records: Records,
  region: string,
  env: Record<string, string | undefined>,
): { probe: PlannedProbe[]; skipped: Skipped[] } => {
  const probe: PlannedProbe[] = [];
  const skipped: Skipped[] = [];
  for (const entry of config.offerings) {
    if (entry.regions && !entry.regions.includes(region)) {
      skipped.push({ id: entry.id, reason: `listed for ${entry.regions.join(', ')} only` });
      continue;
    }
    const offering = records.offerings.find((o) => o.id === entry.id)!;
    const vars = records.providers.find((p) => p.id === offering.provider)?.api?.env ?? [];
    const keyVar = vars.find((v) => env[v]);
    if (keyVar === undefined) {
      skipped.push({ id: entry.id, reason: `no key: ${vars.map((v) => `$${v}`).join(' or ')} is not set` });
      continue;
    }
    const pick = <K extends keyof typeof DEFAULTS>(k: K) => entry[k] ?? config.defaults?.[k] ?? DEFAULTS[k];
    probe.push({
      id: entry.id,
      keyVar,
      n: pick('n'),
      profile: pick('profile'),
      maxTokens: pick('max_tokens'),
      timeoutMs: pick('timeout_ms'),
    });
  }
  return { probe, skipped };
};
