/**
 * One home per route: no string or template literal anywhere in src/ (except src/core/urls.ts) starts
 * with a route of the site. The routes are read from the tree (the top-level entries of src/pages/ and
 * public/), so a new page folder is covered without touching this test.
 *
 * What is scanned: every string and template literal of .ts files and of the frontmatter and scripts of
 * .astro/.mdx files (TypeScript's parser, so comments never count); in .astro and .mdx markup, every
 * quoted attribute value or expression string. Astro's file-based routing is folder names, not strings.
 * Allowed: MDX prose (Markdown links and `code` in the text of about/data/contribute/methodology), which
 * documents the URLs to readers rather than building them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../../..');
const src = join(root, 'src');
const URL_MODULE = 'src/core/urls.ts';

/** "api.json.ts" → "api.json", "about.mdx" → "about", "providers" → "providers"; index is the home page. */
const routeName = (entry: string) => entry.replace(/\.(astro|mdx|md|ts|js)$/, '');
/** Files written into the build by tools/build.ts and Pagefind, not by src/pages or public/. */
const GENERATED = ['sitemap.xml', 'pagefind'];
const ROUTES = [
  ...new Set([...readdirSync(join(src, 'pages')), ...readdirSync(join(root, 'public')), ...GENERATED].map(routeName)),
]
  .filter((r) => r !== 'index')
  .sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "/providers", "/providers/…", "/api.json", "/pricing?…": a route at the start of a string. */
const ROUTE_START = new RegExp(`^/(${ROUTES.map(escape).join('|')})(?=$|[/.?#])`);

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const files = walk(src)
  .filter((f) => /\.(ts|astro|mdx)$/.test(f))
  .map((f) => relative(root, f).split('\\').join('/'))
  .filter((f) => f !== URL_MODULE);

/** Text of every string literal and of each literal part of every template literal in TypeScript code. */
const tsStrings = (code: string): string[] => {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    n.forEachChild(visit);
  };
  visit(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return out;
};

/** Strings in markup: quoted attribute values and strings inside `{…}` expressions (comments removed first). */
const markupStrings = (markup: string): string[] => {
  const text = markup.replace(/<!--[\s\S]*?-->/g, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  return [...text.matchAll(/(["'`])(\/[^"'`\s]*)/g)].map((m) => m[2]!);
};

/** Splits an .astro or .mdx file into code (frontmatter, <script>, MDX import/export lines) and markup. */
const split = (file: string, text: string): { code: string[]; markup: string } => {
  const code: string[] = [];
  let body = text;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) {
    if (file.endsWith('.astro')) code.push(fm[1]!);
    body = text.slice(fm[0].length);
  }
  body = body.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/g, (_, js: string) => (code.push(js), ''));
  if (file.endsWith('.mdx')) {
    body = body.replace(/^(import|export)\s.*$/gm, (line) => (code.push(line), ''));
    // Prose: fenced code, `code spans` and Markdown links document URLs for readers.
    body = body
      .replace(/^```[\s\S]*?^```/gm, '')
      .replace(/`[^`\n]*`/g, '')
      .replace(/\]\([^)]*\)/g, ']');
  }
  return { code, markup: body };
};

/** Route strings of one file, as "file: string". */
const routeStrings = (file: string): string[] => {
  const text = readFileSync(join(root, file), 'utf8');
  const parts = file.endsWith('.ts') ? { code: [text], markup: '' } : split(file, text);
  const strings = [...parts.code.flatMap(tsStrings), ...markupStrings(parts.markup)];
  return strings.filter((s) => ROUTE_START.test(s)).map((s) => `${file}: ${s}`);
};

test('the route prefixes come from src/pages and public', () => {
  for (const r of [
    'providers',
    'models',
    'families',
    'organizations',
    'compare',
    'og',
    'api',
    'api.json',
    'schema',
    'changes.xml',
    'favicon.svg',
  ]) {
    assert.ok(ROUTES.includes(r), r);
  }
  assert.ok(files.length > 100, `scanned ${files.length} files`);
});

test('the scanner sees strings in code and markup, not comments or prose', () => {
  assert.deepEqual(tsStrings("// '/models/'\nconst a = '/models/x/', b = `/og/${id}.svg`, c = `${x}/y`;"), [
    '/models/x/',
    '/og/',
    '.svg',
    '',
    '/y',
  ]);
  assert.deepEqual(markupStrings('<a href="/about/">x</a> <!-- "/data/" --> {a ? \'/b/\' : `/c/`} text /d/'), [
    '/about/',
    '/b/',
    '/c/',
  ]);
  assert.ok(ROUTE_START.test('/providers/groq/'));
  assert.ok(ROUTE_START.test('/api.json'));
  assert.ok(!ROUTE_START.test('/providersx'));
  assert.ok(!ROUTE_START.test('/'));
});

test(`no route string outside ${URL_MODULE}`, () => {
  assert.deepEqual(files.flatMap(routeStrings), []);
});
