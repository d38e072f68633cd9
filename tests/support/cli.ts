/** Helpers for the tests of the command-line tools (tools/*.ts): run one in-process, read a folder back. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { parse } from 'yaml';

/** A tool's `main`: arguments and the two output streams in, exit code out. */
export type Cli = (argv: string[], log: (line: string) => void, error: (line: string) => void) => number | Promise<number>;

/** Runs `main` with `args`, both streams captured into one text; the exit code and the output. */
export const runCli = async (main: Cli, args: string[]): Promise<{ code: number; out: string }> => {
  const out: string[] = [];
  const code = await main(
    args,
    (l) => out.push(l),
    (l) => out.push(l),
  );
  return { code, out: out.join('\n') };
};

/** Every file under `dir` with its text, by path below `dir` (to compare a folder before and after). */
export const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );

/**
 * A factory of temporary folders for one test file, each removed when the file's tests end;
 * `copyOf` fills the new folder with a copy of that folder.
 */
export const tempFolders = (prefix: string) => {
  const made: string[] = [];
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (copyOf?: string): string => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    made.push(d);
    if (copyOf !== undefined) cpSync(copyOf, d, { recursive: true });
    return d;
  };
};

/** Every offering of a data folder as the dataset importers match them: provider and API id. */
export const knownOfferings = (data: string): { provider: string; provider_model_id: string }[] =>
  readdirSync(join(data, 'offerings'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => parse(readFileSync(join(e.parentPath, e.name), 'utf8')) as { provider: string; provider_model_id: string });
