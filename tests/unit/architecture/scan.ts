/** Helpers of the architecture tests: the source files of src/ and the TypeScript inside them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .astro file under src/, as repository-relative paths, sorted. */
export const sourceFiles = (dir = 'src'): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();

/**
 * The TypeScript of a file with the line it starts on: a .ts file whole; an .astro file's
 * frontmatter, its <script> blocks and each {expression} of its template.
 */
export const scriptsOf = (file: string, text: string): { code: string; line: number }[] => {
  if (!file.endsWith('.astro')) return [{ code: text, line: 1 }];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const out: { code: string; line: number }[] = [];
  const fm = /^---\n([\s\S]*?)\n---/.exec(text);
  if (fm) out.push({ code: fm[1]!, line: 2 });
  const rest = fm ? fm[0].length : 0;
  for (const m of text.slice(rest).matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g))
    out.push({ code: m[1]!, line: lineAt(rest + m.index! + m[0].indexOf('>') + 1) });
  // Template expressions: balanced {…} outside the frontmatter and scripts.
  const template = text.slice(rest).replace(/<script[^>]*>[\s\S]*?<\/script>/g, (s) => ' '.repeat(s.length));
  let depth = 0;
  let start = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '{') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (template[i] === '}' && depth > 0 && --depth === 0)
      out.push({ code: `(${template.slice(start, i)})`, line: lineAt(rest + start) });
  }
  return out;
};
