/**
 * The runtime import graph of the source tree, for the architecture tests: which modules a file
 * loads when it runs. Type-only imports (`import type …`, `export type … from`) are erased by
 * TypeScript and load nothing, so they are not edges; an `import { type A }` is an edge, since
 * with `verbatimModuleSyntax` it stays as a side-effect import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Every module specifier a TypeScript source loads at run time (static, re-exports and `import()`). */
export const runtimeImports = (code: string, fileName = 'module.ts'): string[] => {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/** The code of each client `<script>` block of an .astro file (not `is:inline`, not JSON data). */
export const astroClientScripts = (astro: string): string[] =>
  [...astro.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\bis:inline\b|type=["']application\/(ld\+)?json/.test(attrs))
    .map(([, , body = '']) => body);

/** Module specifiers an .astro file hands to the browser as a worker or asset URL (`?worker&url`, `?url`). */
export const astroUrlImports = (astro: string): string[] =>
  [...astro.matchAll(/from\s+['"]([^'"]+\?(?:worker&)?url)['"]/g)].map(([, spec = '']) => spec.replace(/\?.*$/, ''));

/** A resolved edge: a repository-relative path for a relative import, the bare specifier otherwise. */
const resolveSpecifier = (root: string, from: string, spec: string): string => {
  if (!spec.startsWith('.')) return spec;
  const abs = resolve(dirname(join(root, from)), spec.replace(/\?.*$/, ''));
  return relative(root, abs).split(sep).join('/');
};

/**
 * Every module reachable at run time from `entries` (repository-relative paths), with the chain
 * that reaches it: `chains.get(m)` is the list of files from an entry to `m`.
 */
export const reachable = (root: string, entries: string[]): Map<string, string[]> => {
  const chains = new Map<string, string[]>();
  const queue: [string, string[]][] = entries.map((e) => [e, [e]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (chains.has(file)) continue;
    chains.set(file, chain);
    if (!/\.(ts|mts|js|mjs)$/.test(file) || !existsSync(join(root, file))) continue;
    for (const spec of runtimeImports(readFileSync(join(root, file), 'utf8'), file)) {
      const target = resolveSpecifier(root, file, spec);
      if (!chains.has(target)) queue.push([target, [...chain, target]]);
    }
  }
  return chains;
};
