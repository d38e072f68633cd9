/**
 * Synthetic data for the scale benchmark: `node tools/gen-synthetic.ts <data dir> <factor> <out dir>`
 * writes `factor` copies of every record (ids suffixed `-x<n>` from the second copy on, every
 * reference rewritten to its copy), so that the result is valid and `factor` times larger.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { readDataFiles } from '../src/model/load.ts';

type Rec = Record<string, unknown>;

/** Copies one data folder `factor` times into `out`; returns the number of files written. */
export const generateSynthetic = (dataDir: string, factor: number, out: string): number => {
  const files = readDataFiles(dataDir);
  if (!files) throw new Error(`No data folder at ${dataDir}`);
  rmSync(out, { recursive: true, force: true });
  let written = 0;
  for (let c = 0; c < factor; c++) {
    const sfx = c === 0 ? '' : `-x${c}`;
    const first = (id: string) =>
      id
        .split('/')
        .map((seg, i) => (i === 0 ? seg + sfx : seg))
        .join('/');
    for (const f of files) {
      if (!f.rel.endsWith('.yaml')) continue;
      const [kind, ...rest] = f.rel.split('/');
      const rec = parse(new TextDecoder().decode(f.bytes), { version: '1.2', schema: 'core' }) as Rec;
      delete rec.id;
      let rel: string;
      if (kind === 'organizations' || kind === 'providers') {
        rel = `${kind}/${rest[0]!.replace(/\.yaml$/, '')}${sfx}.yaml`;
        if (c > 0) rec.name = `${rec.name as string} ${c + 1}`;
        if (typeof rec.organization === 'string') rec.organization = first(rec.organization);
        const platform = rec.platform as { upstreams?: string[] } | undefined;
        if (platform?.upstreams) platform.upstreams = platform.upstreams.map(first);
      } else if (kind === 'models') {
        rel = `models/${first(rest.join('/'))}`;
        rec.organization = first(rec.organization as string);
        if (c > 0) rec.name = `${rec.name as string} ${c + 1}`;
        if (typeof rec.successor === 'string') rec.successor = first(rec.successor);
        if (Array.isArray(rec.aliases)) rec.aliases = (rec.aliases as string[]).map((a) => (c === 0 ? a : `${a}${sfx}`));
      } else if (kind === 'offerings') {
        rel = `offerings/${first(rest.join('/'))}`;
        rec.provider = first(rec.provider as string);
        if (typeof rec.model === 'string') rec.model = first(rec.model);
      } else continue;
      const path = join(out, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, stringify(rec, { version: '1.2' }));
      written++;
    }
  }
  return written;
};

if (import.meta.main) {
  const [dir, factor, out] = process.argv.slice(2);
  if (!dir || !factor || !out) {
    console.error('usage: node tools/gen-synthetic.ts <data dir> <factor> <out dir>');
    process.exit(2);
  }
  const n = generateSynthetic(resolve(dir), Number(factor), resolve(out));
  console.log(`wrote ${n} records to ${out}`);
}
