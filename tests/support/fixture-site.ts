/**
 * A site built from fixture data by the real build (tools/build.ts) into a fresh temp folder,
 * then served: for specs that need records the real catalogue does not have.
 *
 *   let site: FixtureSite | undefined;
 *   test.beforeAll(async () => { site = await fixtureSite('perf', 'tests/fixtures/perf'); });
 *   test.afterAll(() => site?.close());
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import { serve } from './static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface FixtureSite {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** The built site. */
  dist: string;
  /** Stops the server and deletes the temp folder. */
  close: () => Promise<void>;
}

/**
 * Builds `data` — a data folder relative to the repository, or a function that writes the
 * records into the (empty) folder it is given — and serves the result. Fails the calling hook
 * with the build's output when the build fails.
 */
export const fixtureSite = async (
  name: string,
  data: string | ((dataDir: string) => void | Promise<void>),
): Promise<FixtureSite> => {
  const dir = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
  try {
    let dataDir = join(dir, 'data');
    if (typeof data === 'string') dataDir = resolve(ROOT, data);
    else {
      mkdirSync(dataDir);
      await data(dataDir);
    }
    const dist = join(dir, 'dist');
    const build = spawnSync(process.execPath, ['tools/build.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, BUILD_DIR: dist, ASTRO_CACHE_DIR: join(dir, 'cache') },
    });
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const server = await serve(dist);
    return {
      url: server.url,
      dist,
      close: async () => {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
};
