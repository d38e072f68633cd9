/**
 * Strict YAML reading with positions: YAML 1.2 core schema (`NO`, `yes` and `1.10` are not
 * booleans or version strings in disguise), tags outside it refused at the tag, duplicate keys
 * refused naming the key and both lines, aliases capped at the alias that crosses the cap, file
 * size and nesting capped before anything recursive runs (caps in limits.ts), invalid UTF-8
 * refused, and every value locatable by its field path so that schema problems can be reported
 * as `file:line:column field.path: message`.
 */
import {
  CST,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import { fmt, MAX_ALIAS_VALUES, MAX_FILE_BYTES, MAX_NESTING } from './limits.ts';

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
  /** The decoded text (BOM removed), for locating characters inside values. */
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  /** Problems that do not stop the file being read (tags outside the core schema), reported with the rest. */
  problems: Problem[];
  /** Paths of the values those problems refuse: other checks skip them, to say one thing once. */
  refused: PropertyKey[][];
}

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

/** Line and column (1-based) of a character offset in `text`. */
const lineColOf = (text: string, offset: number) => {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) [line, start] = [line + 1, i + 1];
  return { line, column: offset - start + 1 };
};

/**
 * How deeply collections nest, measured on the lexer's tokens (linear, nothing recursive) before
 * the YAML is composed: a block mapping starts at the column of its first key, a block sequence at
 * its first `-`; flow collections add one level per bracket. Returns where the nesting first
 * exceeds `max` (offset and depth), or undefined.
 */
export const nestingBeyond = (text: string, max: number): { offset: number; depth: number } | undefined => {
  const stack: { col: number; kind: 'map' | 'seq' }[] = [];
  let flow = 0;
  let offset = 0;
  let lineOffset = 0;
  let endedWithColon = false;
  let last = '';
  let keyStart = { col: 0, offset: 0 };
  let scalarNext = false;
  const open = (col: number, kind: 'map' | 'seq') => {
    while (stack.length && stack[stack.length - 1]!.col > col) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.col === col && top.kind !== kind) {
      if (kind === 'seq' && endedWithColon) stack.push({ col, kind });
      else {
        stack.pop();
        const under = stack[stack.length - 1];
        if (!under || under.col < col || under.kind !== kind) stack.push({ col, kind });
      }
    } else if (!top || top.col < col) stack.push({ col, kind });
  };
  for (const tok of new Lexer().lex(text)) {
    if (tok === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const type: string = scalarNext ? 'scalar' : (CST.tokenType(tok) ?? 'scalar');
    scalarNext = false;
    const at = offset;
    if (tok !== CST.DOCUMENT && tok !== CST.FLOW_END) offset += tok.length;
    // The lexer left an unclosed flow collection (the parser reports the error): block context again.
    if (type === 'flow-error-end') {
      flow = 0;
      continue;
    }
    if (type === 'newline') {
      if (flow === 0) endedWithColon = last === 'map-value-ind';
      lineOffset = offset;
      continue;
    }
    if (type === 'space' || type === 'comment' || type === 'byte-order-mark' || type === 'doc-mode') continue;
    const col = at - lineOffset;
    // A block or multi-line quoted scalar holds its own line breaks.
    const inner = tok.lastIndexOf('\n');
    if (inner >= 0) lineOffset = at + inner + 1;
    if (flow === 0) {
      if (type === 'seq-item-ind') open(col, 'seq');
      else if (type === 'explicit-key-ind') open(col, 'map');
      else if (type === 'map-value-ind') {
        open(keyStart.col, 'map');
        // A mapping starts at its first key.
        if (stack.length + flow > max) return { offset: keyStart.offset, depth: stack.length + flow };
      } else if (type === 'scalar' || type === 'alias' || type === 'flow-seq-start' || type === 'flow-map-start')
        if (last !== 'anchor' && last !== 'tag') keyStart = { col, offset: at };
    }
    if (type === 'anchor' || type === 'tag') {
      if (last !== 'anchor' && last !== 'tag') keyStart = { col, offset: at };
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    last = type;
    const depth = stack.length + flow;
    if (depth > max) return { offset: at, depth };
  }
  return undefined;
};

/**
 * A quick upper bound of the nesting, without tokenizing: brackets (a flow pair `[a: b]` is a
 * level of its own, hence twice), and twice the indentation levels and the `-`/`?` indicators.
 * Below SAFE_COMPOSE_DEPTH the document can be composed safely and measured exactly afterwards.
 */
const nestingBound = (text: string) => {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  const indents = new Set<number>();
  for (const m of text.matchAll(/^ */gm)) indents.add(m[0].length);
  const indicators = text.match(/(?:^|[ \t])[-?](?=[ \t\r\n]|$)/gm)?.length ?? 0;
  return 2 * brackets + 2 * indents.size + 2 * indicators + 4;
};
/** Nesting that composing a document (recursive, in the yaml package) is known to survive with room to spare. */
const SAFE_COMPOSE_DEPTH = 1000;

/** The first collection (in document order) nested deeper than `max`, measured on the composed document. */
const deepestNode = (doc: Document.Parsed, max: number): { offset: number; depth: number } | undefined => {
  const todo: [unknown, number][] = [[doc.contents, 1]];
  while (todo.length) {
    const [node, depth] = todo.pop()!;
    if (!isCollection(node)) continue;
    if (depth > max) return { offset: (node as Node).range?.[0] ?? 0, depth };
    const children: unknown[] = [];
    for (const item of node.items) {
      if (isPair(item)) children.push(item.key, item.value);
      else children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) todo.push([children[i], depth + 1]);
  }
  return undefined;
};

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The tag as written in the source just before the node starting at `start` (e.g. "!!binary"). */
const tagSource = (text: string, start: number, fallback: string) => {
  const from = Math.max(0, start - 1024);
  const before = text.slice(from, start);
  let found: { index: number; tag: string } | undefined;
  for (const m of before.matchAll(/!(?:<[^>]*>|[^\s,[\]{}]*)/g)) found = { index: from + m.index, tag: m[0] };
  return found ?? { index: start, tag: fallback.replace(/^tag:yaml\.org,2002:/, '!!') };
};

/** Parses one YAML file strictly. Returns the document, or the problems that stop it being read. */
export const parseYaml = (
  file: string,
  bytes: Uint8Array,
): { ok: true; value: ParsedYaml } | { ok: false; problems: Problem[] } => {
  if (bytes.length > MAX_FILE_BYTES)
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          `File is ${fmt(bytes.length)} bytes, more than the cap of ${fmt(MAX_FILE_BYTES)} bytes (${MAX_FILE_BYTES / 1024} KiB) per record`,
        ),
      ],
    };
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = lineColOfByte(bytes, bad);
    return { ok: false, problems: [fileProblem(file, `Invalid UTF-8 at byte ${bad}; save the file as UTF-8`, line, column)] };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tooDeep = (deep: { offset: number; depth: number }) => {
    const { line, column } = lineColOf(text, deep.offset);
    return {
      ok: false as const,
      problems: [
        fileProblem(
          file,
          `Nesting reaches ${deep.depth} levels here, more than the cap of ${MAX_NESTING} levels (the record's own mapping is level 1)`,
          line,
          column,
        ),
      ],
    };
  };
  // Composing a document recurses once per level: when it could nest deeply, measure on the tokens first.
  const deep = nestingBound(text) > SAFE_COMPOSE_DEPTH ? nestingBeyond(text, MAX_NESTING) : undefined;
  if (deep) return tooDeep(deep);
  const lines = new LineCounter();
  const compose = () =>
    parseAllDocuments(text, {
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      merge: false,
      strict: true,
      prettyErrors: false,
      lineCounter: lines,
      stringKeys: false,
    });
  let docs: ReturnType<typeof compose>;
  try {
    docs = compose();
  } catch (e) {
    // A safety net only: the nesting was measured above, so nothing should recurse this deep.
    const message =
      e instanceof RangeError
        ? `Nesting is too deep to read; the cap is ${MAX_NESTING} levels`
        : `Cannot read the YAML: ${(e as Error).message}`;
    return { ok: false, problems: [fileProblem(file, message)] };
  }
  const list = Array.isArray(docs) ? docs : [];
  const at = (offset: number) => lines.linePos(offset);
  const problems: Problem[] = [];
  for (const doc of list) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      // Tags are checked below, with the field they sit on, without stopping the file being read.
      if (e.code === 'TAG_RESOLVE_FAILED') continue;
      const { line, col } = at(e.pos[0]);
      if (e.code === 'DUPLICATE_KEY') {
        const dup = duplicateKeyAt(doc, e.pos[0]);
        if (dup) {
          const first = at(dup.firstOffset).line;
          problems.push({
            file,
            line,
            column: col,
            field: fieldPath(dup.path),
            message: `Duplicate key "${dup.key}": first on line ${first}, again on line ${line}; each key may appear once`,
          });
          continue;
        }
      }
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
  const deepNode = deepestNode(doc, MAX_NESTING);
  if (deepNode) return tooDeep(deepNode);
  // Keys must be plain strings: `1: x` or `? [a]` are mistakes, not fields. Tags outside the core
  // schema (!!binary, !!set, !!omap, !custom) are refused where they stand.
  const keyProblems: Problem[] = [];
  const soft: Problem[] = [];
  const refused: PropertyKey[][] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    const n = node as Node | null;
    if (n && !isAlias(n) && n.tag !== undefined && !CORE_TAGS.has(n.tag)) {
      const start = n.range?.[0] ?? 0;
      const { index, tag } = tagSource(text, start, n.tag);
      const { line, col } = at(index);
      soft.push({
        file,
        line,
        column: col,
        field: fieldPath(path),
        message: `Tag ${tag} is not allowed: records use plain YAML values (the core schema: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)`,
      });
      refused.push(path);
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || typeof key.value !== 'string') {
          const { line, col } = at((key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0);
          keyProblems.push({ file, line, column: col, field: fieldPath(path), message: 'Keys must be plain text' });
          continue;
        }
        walk(pair.value, [...path, key.value]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  if (keyProblems.length) return { ok: false, problems: keyProblems };
  const bomb = aliasBomb(doc);
  if (bomb) {
    const { line, col } = at(bomb.offset);
    return { ok: false, problems: [{ file, line, column: col, field: fieldPath(bomb.path), message: bomb.message }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_VALUES });
  } catch (e) {
    return { ok: false, problems: [fileProblem(file, `Cannot read the YAML: ${(e as Error).message}`)] };
  }
  return { ok: true, value: { file, text, doc, lines, data, problems: soft, refused } };
};

/** The key whose second occurrence starts at `offset`: its path, and where it first appears. */
const duplicateKeyAt = (doc: Document.Parsed, offset: number) => {
  let found: { key: string; path: PropertyKey[]; firstOffset: number } | undefined;
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (found) return;
    if (isMap(node)) {
      const seen = new Map<unknown, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const k = isScalar(key) ? key.value : undefined;
        const start = key?.range?.[0] ?? -1;
        if (start === offset && seen.has(k)) {
          found = { key: String(k), path: [...path, String(k)], firstOffset: seen.get(k)! };
          return;
        }
        if (!seen.has(k)) seen.set(k, start);
        walk(pair.value, [...path, String(k)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
};

/**
 * The alias at which the values added by expanding aliases first exceed MAX_ALIAS_VALUES (an
 * "alias bomb"), or an alias that refers to a value containing it; undefined when there is none.
 */
const aliasBomb = (doc: Document.Parsed) => {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  /** Values a node stands for once every alias in it is expanded. */
  const size = (node: unknown): number => {
    const n = node as Node | null;
    if (!n) return 1;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) return 1;
      if (open.has(target)) return Infinity;
      return size(target);
    }
    const memo = sizes.get(n);
    if (memo !== undefined) return memo;
    let total = 1;
    if (isCollection(n)) {
      open.add(n);
      for (const item of n.items) total += isPair(item) ? size(item.key) + size(item.value) : size(item);
      open.delete(n);
    }
    sizes.set(n, total);
    return total;
  };
  let added = 0;
  let found: { offset: number; path: PropertyKey[]; message: string } | undefined;
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (found) return;
    const n = node as Node | null;
    if (!n) return;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) return;
      const s = open.has(target) ? Infinity : size(target);
      added += s;
      if (s === Infinity)
        found = { offset: n.range?.[0] ?? 0, path, message: `Alias *${n.source} refers to a value that contains it` };
      else if (added > MAX_ALIAS_VALUES)
        found = {
          offset: n.range?.[0] ?? 0,
          path,
          message: `Alias *${n.source} brings the values added by aliases to ${fmt(added)}, more than the cap of ${fmt(MAX_ALIAS_VALUES)} per file (an alias bomb); write the values out`,
        };
      return;
    }
    if (n.anchor) anchors.set(n.anchor, n);
    if (isMap(n)) {
      open.add(n);
      for (const pair of n.items) {
        const key = pair.key as Node | null;
        walk(pair.value, [...path, isScalar(key) ? String(key.value) : '?']);
      }
      open.delete(n);
    } else if (isSeq(n)) {
      open.add(n);
      n.items.forEach((item, i) => walk(item, [...path, i]));
      open.delete(n);
    }
  };
  walk(doc.contents, []);
  return found;
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

/** The YAML node of the value at `path`, or undefined when there is none. */
export const nodeAt = (src: ParsedYaml, path: readonly PropertyKey[]): Node | undefined => {
  let node: unknown = src.doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      node = pair?.value;
    } else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
    if (isAlias(node)) return node as Node;
  }
  return (node as Node | null) ?? undefined;
};
