/**
 * Strict YAML reading with positions: YAML 1.2 core schema (`NO`, `yes` and `1.10` are not
 * booleans or version strings in disguise), duplicate keys refused, aliases capped, invalid
 * UTF-8 refused, and every value locatable by its field path so that schema problems can be
 * reported as `file:line:column field.path: message`.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

export interface Problem {
  /** Path of the file as shown to the user, e.g. "data/providers/groq.yaml". */
  file: string;
  line: number;
  column: number;
  /** Field path such as "pricing.tiers[1].above_tokens", or "(file)" for the whole file. */
  field: string;
  message: string;
}

export interface ParsedYaml {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

/** Cap on alias expansions per file, so that an "alias bomb" cannot exhaust memory. */
const MAX_ALIASES = 20;

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export const findInvalidUtf8 = (bytes: Uint8Array): number => {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
};

const lineColOfByte = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, start] = [line + 1, i + 1];
  return { line, column: offset - start + 1 };
};

const fileProblem = (file: string, message: string, line = 1, column = 1): Problem => ({
  file,
  line,
  column,
  field: '(file)',
  message,
});

/** Formats a problem the way every tool here prints it. */
export const formatProblem = (p: Problem) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`;

/** Parses one YAML file strictly. Returns the document, or the problems that stop it being read. */
export const parseYaml = (
  file: string,
  bytes: Uint8Array,
): { ok: true; value: ParsedYaml } | { ok: false; problems: Problem[] } => {
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = lineColOfByte(bytes, bad);
    return { ok: false, problems: [fileProblem(file, `Invalid UTF-8 at byte ${bad}; save the file as UTF-8`, line, column)] };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: false,
    lineCounter: lines,
    stringKeys: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const at = (offset: number) => lines.linePos(offset);
  const problems: Problem[] = [];
  for (const doc of list) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      const { line, col } = at(e.pos[0]);
      const msg = e.code === 'DUPLICATE_KEY' ? 'Duplicate key: each key may appear once' : e.message.split('\n')[0]!;
      problems.push({ file, line, column: col, field: '(file)', message: msg });
    }
  }
  if (problems.length) return { ok: false, problems };
  if (list.length === 0 || list.every((d) => d.contents === null)) {
    return { ok: false, problems: [fileProblem(file, 'File is empty (or only comments); it must hold one record')] };
  }
  if (list.length > 1) {
    const { line, col } = at(list[1]!.range[0]);
    return { ok: false, problems: [fileProblem(file, 'More than one YAML document; one record per file', line, col)] };
  }
  const doc = list[0]!;
  if (!isMap(doc.contents)) {
    const { line, col } = at(doc.contents?.range?.[0] ?? 0);
    return { ok: false, problems: [fileProblem(file, 'The record must be a mapping of field: value', line, col)] };
  }
  // Keys must be plain strings: `1: x` or `? [a]` are mistakes, not fields.
  const keyProblems: Problem[] = [];
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || typeof key.value !== 'string') {
          const { line, col } = at((key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0);
          keyProblems.push({ file, line, column: col, field: path || '(root)', message: 'Keys must be plain text' });
          continue;
        }
        walk(pair.value, joinPath(path, key.value));
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
  };
  walk(doc.contents, '');
  if (keyProblems.length) return { ok: false, problems: keyProblems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, problems: [fileProblem(file, `Cannot read the YAML: ${(e as Error).message}`)] };
  }
  return { ok: true, value: { file, doc, lines, data } };
};

const joinPath = (base: string, seg: string | number) =>
  typeof seg === 'number' ? `${base}[${seg}]` : base ? `${base}.${seg}` : seg;

/** Renders a Zod-style path ["pricing", "tiers", 1] as "pricing.tiers[1]". */
export const fieldPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((acc, seg) => joinPath(acc, typeof seg === 'number' ? seg : String(seg)), '') || '(root)';

/**
 * Line and column of the value at `path`, or of its nearest existing parent when the value is
 * missing. With `key: true`, points at the key of the last segment instead of its value.
 */
export const locate = (src: ParsedYaml, path: readonly PropertyKey[], opts: { key?: boolean } = {}) => {
  let node: unknown = src.doc.contents;
  let pos = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      const key = pair.key as Node;
      if (last && opts.key) {
        pos = key.range?.[0] ?? pos;
        break;
      }
      const value = pair.value as Node | null;
      pos = value?.range?.[0] ?? key.range?.[0] ?? pos;
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      pos = item.range?.[0] ?? pos;
      node = item;
    } else break;
  }
  const { line, col } = src.lines.linePos(pos);
  return { line, column: col };
};
